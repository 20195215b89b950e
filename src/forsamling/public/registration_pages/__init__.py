"""The participants' registration pages, a module per page or small group of pages: `single`
(the form, its confirmation, the link sent again), `group` (a secretary's group booking),
`private` (the private link page and its actions) and `common` (what they share). Their
addresses are in `forsamling.public.registration_views`."""
