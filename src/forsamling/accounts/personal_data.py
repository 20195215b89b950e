"""Staff enrolment links: a hash of a one-time token."""

NOT_PERSONAL = {"accounts.StaffEnrolment": "A hash of a staff user's one-time link."}
