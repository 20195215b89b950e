"""Invitation codes: the only way into a category marked `invitation_only` (speakers, press,
stand staff: free or cheaper categories anyone could otherwise pick on the public form).

The model is `registration.models.InvitationCode`: it moved down (issue 22) so that a
registration counts its code's use in its own service, as a plain call; its table keeps its
name. Named here too for the back office's invitation page, which imports it from here.
"""

from forsamling.registration.models import InvitationCode

__all__ = ["InvitationCode"]
