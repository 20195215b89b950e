"""Who may do what in the back office, rule by rule, without a database."""

import pytest

from forsamling.domain.permissions import Action, Role, may, second_factor_ok


@pytest.mark.parametrize("action", list(Action))
def test_organiser_may_do_everything(action):
    assert may(roles={Role.ORGANISER}, action=action)


@pytest.mark.parametrize("action", [Action.VIEW, Action.EXPORT])
def test_viewer_may_read_and_export(action):
    assert may(roles={Role.VIEWER}, action=action)


@pytest.mark.parametrize("action", [Action.MAKE_PDF, Action.SEND_MESSAGE, Action.CHECK_IN])
def test_viewer_may_not_change_anything(action):
    assert not may(roles={Role.VIEWER}, action=action)


def test_checkin_staff_may_check_in():
    assert may(roles={Role.CHECKIN}, action=Action.CHECK_IN)


@pytest.mark.parametrize("action", [a for a in Action if a != Action.CHECK_IN])
def test_checkin_staff_may_do_nothing_else(action):
    assert not may(roles={Role.CHECKIN}, action=action)


@pytest.mark.parametrize("action", list(Action))
def test_no_role_may_do_nothing(action):
    assert not may(roles=set(), action=action)


@pytest.mark.parametrize("action", list(Action))
def test_superuser_may_do_everything_without_a_role(action):
    assert may(roles=set(), action=action, is_superuser=True)


def test_roles_add_up():
    roles = {Role.VIEWER, Role.CHECKIN}
    assert may(roles=roles, action=Action.CHECK_IN)
    assert may(roles=roles, action=Action.EXPORT)
    assert not may(roles=roles, action=Action.SEND_MESSAGE)


def test_second_factor_not_needed_when_not_required():
    assert second_factor_ok(required=False, is_staff=True, verified=False)


def test_second_factor_not_needed_for_non_staff():
    assert second_factor_ok(required=True, is_staff=False, verified=False)


def test_staff_without_second_factor_is_refused_when_required():
    assert not second_factor_ok(required=True, is_staff=True, verified=False)


def test_staff_with_second_factor_is_let_in():
    assert second_factor_ok(required=True, is_staff=True, verified=True)
