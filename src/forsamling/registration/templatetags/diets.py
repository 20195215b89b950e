"""`{{ registration|diet_words }}`: a participant's dietary needs in words."""

from django import template

from forsamling.registration.diets import diet_words as words
from forsamling.registration.models import Registration

register = template.Library()


@register.filter
def diet_words(registration: Registration) -> str:
    return words(registration.diets, registration.dietary)
