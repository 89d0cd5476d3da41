"""Personal data in bulk (many e-mail addresses or phone numbers) is held; a contact passes,
and the other numbers of legal texts are not taken for phone numbers."""

from documents.screening import screen_text

LAW = "Article 12.3.4 of the Biosafety Act applies. Enquiries: contact the national authority."


def _emails(count: int) -> str:
    return "\n".join(f"Participant {n}: user{n}@mission{n}.example.org" for n in range(count))


def test_bulk_email_addresses_are_held_with_count_and_masked_examples():
    findings = screen_text(pages=[LAW, _emails(12)])

    assert [(f.check, f.severity, f.page) for f in findings] == [("personal_data", "hold", 2)]
    detail = findings[0].detail
    assert detail["kind"] == "email"
    assert detail["count"] == 12
    assert detail["examples"] == [
        "u•••0@mission0.example.org",
        "u•••1@mission1.example.org",
        "u•••2@mission2.example.org",
    ]
    assert findings[0].excerpt == ", ".join(detail["examples"])
    assert "12 e-mail addresses" in str(findings[0].message)


def test_a_law_with_one_contact_address_passes():
    text = f"{LAW}\nContact: bwc.isu@example.org, tel. +41 22 917 12 34\n" * 20

    assert screen_text(pages=[text]) == []


def test_the_same_address_repeated_counts_once():
    assert screen_text(pages=["Contact: isu@example.org"] * 30) == []


def test_below_the_threshold_passes_and_the_threshold_is_a_setting(settings):
    assert screen_text(pages=[_emails(9)]) == []
    settings.SECBIO_PERSONAL_DATA_THRESHOLD = 5

    assert len(screen_text(pages=[_emails(5)])) == 1


def test_bulk_phone_numbers_in_international_formats_are_held():
    phones = [
        "+41 22 917 12 34",
        "(022) 917-1234",
        "00 41 22 917 22 22",
        "+1 202-555-0123",
        "202-555-0199",
        "+7 (495) 123-45-67",
        "022 917 12 35",
        "+33 1 23 45 67 89",
        "+86 10 6532 1234",
        "+20 2 2794 1234",
    ]
    text = "\n".join(f"Delegate {n}: Tel. {phone}" for n, phone in enumerate(phones))

    findings = screen_text(pages=[text])

    assert [(f.check, f.detail["kind"], f.detail["count"]) for f in findings] == [
        ("personal_data", "phone", 10)
    ]
    assert findings[0].detail["examples"][0] == "+41 2• ••• •• 34"


def test_dates_articles_isbns_and_official_numbers_are_not_phone_numbers():
    text = "\n".join(
        [
            "Article 12.3.4 and Article 7.1.2.3; see Regulation (EU) 2016/679 and SOR/2015-44.",
            "Federal Law No. 63-FZ of 13.06.1996; Directive 2000/54/EC of 18 September 2000.",
            "ISBN 978-3-16-148410-0; ISBN 9783161484100; ISSN 1234-5678; DOI 10.1000/182.",
            "Decree No. 2004-800 of 2004-08-06; Law No. 0123 456 789; CAS 7440-44-0.",
            "Budget: EUR 10 000 000 and 1 234 567 890; values 0.0001 0.0002 0.0003.",
            "Years 2015 2016 2017 2018; table 12 34 56 78 90; host 192.168.100.200.",
            "Case T-123/45, ECLI:EU:C:2019:123, UN 2814, EC 231-159-6, 41229171234.",
        ]
    )

    assert screen_text(pages=[text] * 5) == []
