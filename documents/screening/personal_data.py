"""Personal data in bulk: many distinct e-mail addresses or phone numbers in one document.

A law or guideline with a contact address or two passes; a list of participants does not.
Phone numbers are told from the other numbers of legal texts (dates, articles, ISBNs, official
numbers such as "SOR/2015-44" or "2000/54/EC", amounts) by their form and what precedes them.
"""

import re

from django.utils.translation import gettext_lazy as _

from documents.screening.findings import HOLD, Finding, excerpt, interpolate_lazy, limit

EXAMPLES = 3
_MASK = "•"

EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")

_SPACE = " \u00a0\u202f"
PHONE = re.compile(
    rf"(?<![\w/.,+-])(?:\+[{_SPACE}]?)?(?:\(\d{{1,5}}\)|\d)[\d{_SPACE}().-]{{6,22}}\d(?![\w/-])"
)
_INTERNATIONAL = re.compile(rf"^(?:\+|00[{_SPACE}]?[1-9])")
_AREA_CODE = re.compile(r"\(\d{1,5}\)")
_NANP = re.compile(r"^\d{3}([.-])\d{3}\1\d{4}$")  # 202-555-0123
_DOUBLE_SEPARATOR = re.compile(rf"[{_SPACE}.-]{{2,}}")
_DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-](?:1[89]|2\d)\d{2}\b|\b(?:1[89]|2\d)\d{2}-\d{2}-\d{2}\b"
)
_YEARS = re.compile(rf"^(?:(?:1[89]|20)\d{{2}}[{_SPACE}-]*)+$")
_THOUSANDS = re.compile(rf"^[1-9]\d{{0,2}}([{_SPACE}.])\d{{3}}(?:\1\d{{3}})*$")
_IP = re.compile(r"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")
_PHONE_CONTEXT = re.compile(
    r"(?:tel|phone|fax|mobile|cell|t[ée]l[ée]phone|tel[ée]fono|m[óo]vil|телефон|тел"
    r"|факс|电话|手机|传真|هاتف|جوال|فاكس)[\s.:()\w]{0,12}$",
    re.IGNORECASE,
)
_NUMBER_CONTEXT = re.compile(
    r"(?<!\w)(?:art(?:icle|ículo|icolo)?|§|section|sec|para(?:graph)?|no|nº|n°|№|num(?:ber|éro|ero)?"
    r"|isbn(?:-1[03])?|issn|doi|ecli|cas|ec|eu|ce|ue|sor|si|page|pp?|vol|ref|case|affaire"
    r"|regulation|directive|decision|resolution|law|act|decree|order|loi|décret|ley|decreto"
    r"|статья|ст|закон|указ|приказ|постановление|第|مادة|قانون|رقم)[\s.:]*$",
    re.IGNORECASE,
)


def find_personal_data(pages: list[str]) -> list[Finding]:
    """Hold a text with SECBIO_PERSONAL_DATA_THRESHOLD or more distinct e-mail addresses, or as
    many distinct phone numbers."""
    threshold = limit("SECBIO_PERSONAL_DATA_THRESHOLD")
    emails: dict[str, tuple[int, str]] = {}
    phones: dict[str, tuple[int, str]] = {}
    for number, text in enumerate(pages, 1):
        for match in EMAIL.finditer(text):
            emails.setdefault(match.group().casefold(), (number, match.group()))
        for match in PHONE.finditer(text):
            if is_phone(match.group(), before=text[max(match.start() - 30, 0) : match.start()]):
                digits = re.sub(r"\D", "", match.group()).removeprefix("00")
                phones.setdefault(digits, (number, match.group()))
    findings = []
    if len(emails) >= threshold:
        examples = [_mask_email(found) for _page, found in list(emails.values())[:EXAMPLES]]
        message = _(
            "The document contains %(count)s e-mail addresses. A moderator will check that "
            "publishing them is allowed; remove them if they are not needed."
        )
        findings.append(_finding("email", message, emails, examples))
    if len(phones) >= threshold:
        examples = [_mask_phone(found) for _page, found in list(phones.values())[:EXAMPLES]]
        message = _(
            "The document contains %(count)s phone numbers. A moderator will check that "
            "publishing them is allowed; remove them if they are not needed."
        )
        findings.append(_finding("phone", message, phones, examples))
    return findings


def is_phone(candidate: str, *, before: str = "") -> bool:
    """Whether a run of digits and separators is a phone number, given the text before it."""
    digits = re.sub(r"\D", "", candidate)
    if not 8 <= len(digits) <= 15 or _DOUBLE_SEPARATOR.search(candidate.replace("(", "")):
        return False
    if _DATE.search(candidate) or _YEARS.match(candidate) or _IP.match(candidate):
        return False
    if len(digits) == 13 and digits.startswith(("978", "979")) and _isbn13(digits):
        return False
    if _PHONE_CONTEXT.search(before):
        return True
    if _NUMBER_CONTEXT.search(before):
        return False
    international = _INTERNATIONAL.match(candidate) is not None
    area_code = _AREA_CODE.search(candidate) is not None
    # After the country or area code, one kind of separator: "0.0001 0.0002" is no phone.
    rest = _AREA_CODE.sub("", re.sub(r"^\+?\d{1,3}[ \u00a0\u202f]", "", candidate))
    separators = set(re.findall(rf"[{_SPACE}.-]", rest.strip()))
    if "." in separators and len(separators) > 1:
        return False
    if not separators and not international and not area_code:
        return False  # an unbroken run of digits is more often an identifier
    if international or area_code:
        return True
    if _THOUSANDS.match(candidate):
        return False
    # Written nationally, a number starts with its trunk prefix 0 or has the North American form.
    return digits[0] == "0" or _NANP.match(candidate) is not None


def _isbn13(digits: str) -> bool:
    total = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(digits))
    return total % 10 == 0


def _finding(kind: str, message: str, found: dict, examples: list[str]) -> Finding:
    pages = sorted({page for page, _text in found.values()})
    detail = {"kind": kind, "count": len(found), "examples": examples, "pages": pages[:50]}
    return Finding(
        "personal_data",
        HOLD,
        interpolate_lazy(message, {"count": len(found)}),
        page=pages[0],
        excerpt=excerpt(", ".join(examples)),
        detail=detail,
    )


def _mask_email(address: str) -> str:
    local, _at, domain = address.rpartition("@")
    if len(local) <= 2:
        return _MASK * len(local) + "@" + domain
    return local[0] + _MASK * (len(local) - 2) + local[-1] + "@" + domain


def _mask_phone(number: str) -> str:
    """The number with all but its first three and last two digits hidden."""
    total = sum(char.isdigit() for char in number)
    seen = 0
    masked = []
    for char in number:
        if char.isdigit():
            seen += 1
            masked.append(char if seen <= 3 or seen > total - 2 else _MASK)
        else:
            masked.append(char)
    return "".join(masked)
