"""A page's form as a browser would send it: the tests fill in and post what the page
shows, so a field the page forgets (or one too many) fails them as it would fail a person."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[list[str]] = []
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._textarea: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "disabled" in a:
            return
        if (
            tag == "input"
            and a.get("name")
            and a.get("type", "text") not in ("submit", "button", "file", "image")
        ):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append([a["name"], a.get("value", "on" if a.get("type") == "checkbox" else "")])
        elif tag == "select" and a.get("name"):
            self._select, self._select_first, self._select_chosen = a["name"], None, False
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in a and not self._select_chosen:
                self.fields.append([self._select, value])
                self._select_chosen = True
        elif tag == "textarea" and a.get("name"):
            self.fields.append([a["name"], ""])
            self._textarea = self.fields[-1]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select is not None:
            if not self._select_chosen and self._select_first is not None:
                self.fields.append([self._select, self._select_first])
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            # A textarea's first newline belongs to the markup, not to its value.
            self._textarea[1] += data[1:] if not self._textarea[1] and data.startswith("\n") else data


def page_form(html: str, form_id: str) -> dict[str, str | list[str]]:
    """The fields a browser would post from the form ``form_id`` (checked boxes only,
    selected options, no buttons), as a dict for the test client."""
    reader = _FormReader(form_id)
    reader.feed(html)
    data: dict[str, str | list[str]] = {}
    for name, value in reader.fields:
        if name in data:
            previous = data[name]
            data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            data[name] = value
    return data
