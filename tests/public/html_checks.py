"""Checks of a page's HTML shared by the participant pages' tests: ids, errors and labels."""

from __future__ import annotations

from collections import Counter

import lxml.html


def parse(content: bytes | str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(content)


def duplicate_ids(content: bytes | str) -> list[str]:
    ids = Counter(element.get("id") for element in parse(content).iter() if element.get("id"))
    return sorted(name for name, count in ids.items() if count > 1)


def untied_errors(content: bytes | str) -> list[str]:
    """Error messages no field or group refers to with aria-describedby, and fields in an
    errored group without aria-invalid."""
    page = parse(content)
    described = {
        token
        for element in page.xpath("//*[@aria-describedby]")
        for token in element.get("aria-describedby").split()
    }
    problems = [
        f"message {message.get('id')!r} is described by nothing"
        for message in page.xpath("//*[contains(@class, 'form-error-message')]")
        if message.get("id") not in described
    ]
    for group in page.xpath("//*[contains(concat(' ', @class, ' '), ' form-error ')]"):
        for field in group.xpath(".//input[not(@type='hidden')] | .//select | .//textarea"):
            if field.get("aria-invalid") != "true" and not field.get("disabled") is not None:
                problems.append(f"field {field.get('id')!r} in an errored group is not invalid")
    return problems


def summary_targets(content: bytes | str, summary_id: str = "error-summary") -> list[str]:
    page = parse(content)
    return [link.get("href")[1:] for link in page.xpath(f"//*[@id='{summary_id}']//a[@href]")]


def in_page_order(content: bytes | str, ids: list[str]) -> bool:
    page = parse(content)
    position = {element.get("id"): n for n, element in enumerate(page.iter()) if element.get("id")}
    found = [position[i] for i in ids]
    return found == sorted(found)


def loose_choices(content: bytes | str) -> list[str]:
    """Checkboxes and radio buttons not in DKFDS's group with their label right after them
    (without the group DKFDS draws them at the page's top-left corner)."""
    problems = []
    for field in parse(content).xpath("//input[@type='checkbox' or @type='radio']"):
        kind = "checkbox" if field.get("type") == "checkbox" else "radio"
        parent = field.getparent()
        label = field.getnext()
        if f"form-group-{kind}" not in (parent.get("class") or "").split():
            problems.append(f"{field.get('id')}: not in .form-group-{kind}")
        elif label is None or label.tag != "label" or label.get("for") != field.get("id"):
            problems.append(f"{field.get('id')}: its label does not follow it")
    return problems
