"""The data a browser would post from a page's form: every field as the page shows it."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormFields(HTMLParser):
    def __init__(self, form_id: str | None, form_class: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id, self.form_class, self.inside = form_id, form_class, False
        self.data: list[tuple[str, str]] = []
        self._select: str | None = None
        self._select_values: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = (self.form_id is None or a.get("id") == self.form_id) and (
                self.form_class is None or self.form_class in (a.get("class") or "").split()
            )
        if not self.inside:
            return
        if tag == "input" and a.get("name") and "disabled" not in a:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "image", "file", "reset"):
                self.data.append((a["name"], a.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select" and a.get("name") and "disabled" not in a:
            self._select, self._select_values = a["name"], []
        elif tag == "option" and self._select is not None:
            self._select_values.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select is not None:
            chosen = [v for v, on in self._select_values if on] or [v for v, _ in self._select_values[:1]]
            self.data += [(self._select, v) for v in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.data.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._text += data


def form_fields(
    html: str, *, form_id: str | None = None, form_class: str | None = None
) -> dict[str, list[str]]:
    """The fields of the form with this id (or class), as lists of values by name (the
    test client's post takes lists)."""
    parser = _FormFields(form_id, form_class)
    parser.feed(html)
    fields: dict[str, list[str]] = {}
    for name, value in parser.data:
        fields.setdefault(name, []).append(value)
    return fields
