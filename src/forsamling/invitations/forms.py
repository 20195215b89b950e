"""The registration form the back office's walk-in page imports from here. The invitation code
is checked by `registration.forms.RegistrationForm` itself since issue 22 (the code's data moved
down to registration), so this is that form under its former name."""

from forsamling.registration.forms import RegistrationForm as RegistrationWithCodeForm

__all__ = ["RegistrationWithCodeForm"]
