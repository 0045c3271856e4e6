"""Articles, pages and feeds written for the ingest tests (our own text, Persian and English)."""

from __future__ import annotations

from html import escape

# An ordinary Dari news item: no group, no designation.
DARI_WEATHER = (
    "اداره هواشناسی کابل روز یکشنبه ۱۲ جوزا اعلام کرد که در هفته آینده باران‌های شدید در ولایات شمالی "
    "پیش‌بینی می‌شود. این اداره از باشندگان خواست که از رفتن به کنار دریاها خودداری کنند. به گفته "
    "مسئولان، شاروالی کابل نیز برای پاک‌کاری جوی‌ها آماده شده است و ولسوالی‌ها گزارش‌های خود را "
    "تا پایان جون به مرکز می‌فرستند."
)
# A Persian report that Canada put Hizb ut-Tahrir on its list of terrorist organisations.
PERSIAN_DESIGNATION = (
    "دولت کانادا روز سه‌شنبه اعلام کرد که گروه حزب التحریر را در فهرست سازمان‌های تروریستی خود "
    "قرار داده است. وزیر امنیت عمومی این کشور گفت این تصمیم پس از ماه‌ها بررسی گرفته شد و از امروز "
    "اجرا می‌شود. به گفته او، دارایی‌های این گروه در کانادا مسدود خواهد شد."
)
# An Iranian-usage item with no designation.
IRANIAN_MARKET = (
    "بانک مرکزی روز شنبه ۱۵ خرداد اعلام کرد که نرخ تورم در اردیبهشت کاهش یافته است. به گفته "
    "کارشناسان، شهرداری تهران نیز طرح تازه‌ای برای حمل و نقل عمومی در شهریور آماده می‌کند."
)
ENGLISH_ROADS = (
    "The city council approved a new plan for bus lanes on the main avenue after a long public debate. "
    "Work is due to start in the spring and the council expects it to last about eight months, "
    "with night shifts to limit the disruption for shops along the route. Residents who spoke at the "
    "meeting asked for more crossings near the two schools on the avenue."
)


def html_page(
    title: str,
    text: str,
    lang: str = "fa",
    published: str | None = None,
    canonical: str | None = None,
    charset: str = "utf-8",
) -> str:
    """A news page with a menu and a footer around the article, as sites serve them."""
    meta = f'<meta charset="{charset}">'
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    if canonical:
        meta += f'<link rel="canonical" href="{canonical}">'
    paragraphs = "".join(f"<p>{escape(p.strip())}.</p>" for p in text.split(".") if p.strip())
    return (
        f'<!doctype html><html lang="{lang}"><head>{meta}<title>{escape(title)}</title></head><body>'
        '<nav><a href="/">خانه</a> <a href="/world">جهان</a> <a href="/sport">ورزش</a></nav>'
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<footer>تمام حقوق محفوظ است</footer></body></html>"
    )


def rss(items: list[dict[str, str]], language: str = "fa") -> str:
    """An RSS 2.0 feed; an item with ``content`` carries its article, otherwise only a link."""
    parts = []
    for item in items:
        body = (
            f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if "content" in item else ""
        )
        parts.append(
            f"<item><title>{escape(item['title'])}</title><link>{escape(item['link'])}</link>"
            f"<guid>{escape(item['guid'])}</guid><pubDate>{item['date']}</pubDate>"
            f"<description>{escape(item['title'])}</description>{body}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>خبرها</title><link>http://127.0.0.1/</link><language>{language}</language>"
        f"{''.join(parts)}</channel></rss>"
    )
