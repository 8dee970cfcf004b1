"""A Dutch, Swedish, Danish, Norwegian or Polish site's furniture is named as a German, French
or Spanish site's is: its share and follow buttons, its related and most-read headings, its
newsletter box, its author box and its legal pages -- while prose that uses the same words
stays."""

from __future__ import annotations

import pytest
from familylines import family_of

from newsclean import clean_text, restore
from newsclean.detect import boilerplate
from newsclean.text_view import normalise


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("Deel dit artikel", "widget"),
        ("Delen via WhatsApp", "widget"),
        ("Volg ons op Instagram", "widget"),
        ("Reageer op dit artikel", "widget"),
        ("Lees ook", "related_header"),
        ("Lees meer over dit onderwerp", "related_header"),
        ("Meer over dit onderwerp", "related_header"),
        ("Gerelateerde artikelen", "related_header"),
        ("Meest gelezen", "related_header"),
        ("Het meest gelezen nieuws", "related_header"),
        # a newsletter's sign-up box is a widget, as in every other language
        ("Meld je aan voor onze nieuwsbrief", "widget"),
        ("Schrijf u in voor de nieuwsbrief van de redactie", "widget"),
        ("Onze nieuwsbrief: elke ochtend het belangrijkste nieuws, meld je nu aan", "widget"),
        ("Over de auteur", "author_box"),
        ("Privacyverklaring", "legal"),
        ("Algemene voorwaarden", "legal"),
        # Swedish, Danish, Norwegian, Polish
        ("Dela artikeln", "widget"),
        ("Följ oss på Instagram", "widget"),
        ("Del artiklen", "widget"),
        ("Følg os på Facebook", "widget"),
        ("Del artikkelen", "widget"),
        ("Udostępnij artykuł", "widget"),
        ("Obserwuj nas na Facebooku", "widget"),
        ("Läs också", "related_header"),
        ("Læs også", "related_header"),
        ("Les også", "related_header"),
        ("Czytaj także", "related_header"),
        ("Zobacz również", "related_header"),
        ("Mest lästa", "related_header"),
        ("Mest læste", "related_header"),
        ("Najczęściej czytane", "related_header"),
        ("Prenumerera på vårt nyhetsbrev", "widget"),
        ("Tilmeld dig vores nyhedsbrev", "widget"),
        ("Meld deg på vårt nyhetsbrev", "widget"),
        ("Zapisz się do naszego newslettera", "widget"),
        ("Om skribenten", "author_box"),
        ("O autorze", "author_box"),
        ("Integritetspolicy", "legal"),
        ("Privatlivspolitik", "legal"),
        ("Polityka prywatności", "legal"),
        # a site's cookie notice and the form's buttons
        ("Deze website maakt gebruik van cookies om uw ervaring te verbeteren.", "cookie_notice"),
        ("Vi använder cookies för att ge dig en bättre upplevelse.", "cookie_notice"),
        ("Vi bruger cookies til at forbedre din oplevelse.", "cookie_notice"),
        ("Vi bruker cookies for å gi deg en bedre opplevelse på nettstedet.", "cookie_notice"),
        ("Ta strona używa plików cookies.", "cookie_notice"),
        # a wall: for subscribers only, sign in to read on
        ("Dit artikel is alleen beschikbaar voor abonnees.", "paywall"),
        ("Den här artikeln är endast för prenumeranter.", "paywall"),
        ("Denne artikel er kun for abonnenter.", "paywall"),
        ("Logg inn for å lese hele saken", "paywall"),
        ("Zaloguj się, aby przeczytać cały artykuł", "paywall"),
    ],
)
def test_furniture_is_named(line: str, family: str) -> None:
    got = family_of(line)
    if family == "author_box":  # (the author box's heading is read by resolve, not classify)
        assert boilerplate._AUTHOR_HEAD.match(normalise(line))
        return
    if family == "legal":
        assert boilerplate._LEGAL_HEAD.match(normalise(line))
        return
    assert got == family


@pytest.mark.parametrize(
    "line",
    [
        # prose and headings that hold the same words
        "Het kabinet wil dat gemeenten een deel van de kosten delen met de provincie.",
        "Deel 2: de bouw van de sluis",
        "Lees ook het advies van de Raad van State over de nieuwe wet, die vorige week verscheen.",
        "De nieuwsbrief die bewoners elke maand ontvangen, vermeldt voortaan ook de afvaldagen en de werkzaamheden in de wijk.",
        "Over de auteur van het rapport is weinig bekend.",
        "De volgende stap is een onderzoek naar de kosten.",
        "Reacties van omwonenden waren overwegend positief.",
        "Kommunen vill dela kostnaden med regionen, enligt förslaget som presenterades i går.",
        "Läs också rapporten från revisorerna, uppmanade oppositionen under tisdagens debatt i fullmäktige.",
        "Mest av allt vill de boende ha en säker väg till skolan.",
        "Les også vilkårene nøye før du skriver under, råder forbrukerrådet i en ny veileder.",
        "Czytaj także: to hasło widniało na plakatach kampanii bibliotek przez cały rok szkolny.",
        "Om skribentens tidigare artiklar vet vi lite.",
        "Tidningen har i dag omkring 40 000 prenumeranter i regionen.",
        "Abonnenter på fjernvarme får en lavere regning i år, oplyser forsyningen.",
        "Bageriet säljer kakor och bullar varje lördag på torget.",
    ],
)
def test_prose_with_the_same_words_is_not_furniture(line: str) -> None:
    assert family_of(line) is None


RECORDS = {
    "nl": (
        "Gemeente plant extra fietsenstalling bij het station",
        [
            "De gemeente wil volgend jaar een fietsenstalling voor tweeduizend fietsen bouwen aan de "
            "achterkant van het station.",
            "De huidige stalling is op werkdagen al voor negen uur vol, waardoor veel reizigers hun "
            "fiets op de stoep zetten. Lees ook hoe andere steden dat oplossen, zei de wethouder.",
            "De bouw kost naar schatting 3,5 miljoen euro. De provincie betaalt de helft, zo bleek "
            "dinsdag in de gemeenteraad.",
            "Als de plannen doorgaan, kan de stalling in de zomer van 2027 open.",
        ],
        ["Home", "Nieuws", "Regio", "Sport"],
        ["Deel dit artikel", "Lees ook", "Nieuwe busbaan langs de ringweg",
         "Markt verhuist tijdelijk naar het plein",
         "Meld je aan voor onze nieuwsbrief en blijf op de hoogte",
         "© 2025 Dagblad Noord. Alle rechten voorbehouden.", "Privacyverklaring", "Contact"],
    ),
    "sv": (
        "Kommunen bygger ny cykelbana längs ån",
        [
            "Kommunen ska bygga en två kilometer lång cykelbana längs ån, från centrum till det nya "
            "bostadsområdet i norr.",
            "Arbetet börjar i april och beräknas vara klart till hösten. Under byggtiden stängs "
            "gångvägen vid bron av.",
            "Boende i området har länge klagat på att cyklister och bilar delar samma smala väg.",
        ],
        ["Start", "Nyheter", "Sport", "Kultur"],
        ["Dela artikeln", "Läs också", "Ny busslinje till sjukhuset",
         "Biblioteket får längre öppettider",
         "Prenumerera på vårt nyhetsbrev och få nyheterna varje morgon",
         "© 2025 Lokaltidningen AB. Alla rättigheter förbehållna.", "Integritetspolicy"],
    ),
    "pl": (
        "Miasto otworzy nowy park nad rzeką",
        [
            "Władze miasta ogłosiły, że nowy park nad rzeką zostanie otwarty dla mieszkańców w "
            "połowie czerwca.",
            "Na terenie parku powstały ścieżki rowerowe, plac zabaw oraz ogrody społeczne.",
            "Mieszkańcy mogą zgłaszać propozycje nazwy parku do końca maja.",
        ],
        ["Strona główna", "Wiadomości", "Sport", "Kultura"],
        ["Udostępnij artykuł", "Czytaj także", "Nowa linia tramwajowa do szpitala",
         "Zapisz się do naszego newslettera i otrzymuj najważniejsze wiadomości",
         "© 2025 Gazeta Lokalna. Wszelkie prawa zastrzeżone.", "Polityka prywatności"],
    ),
}


@pytest.mark.parametrize("lang", sorted(RECORDS))
@pytest.mark.parametrize("edges", ["top", "bottom", "both"])
def test_a_record_comes_out_as_its_article(lang: str, edges: str) -> None:
    title, body, top, bottom = RECORDS[lang]
    above = top if edges in ("top", "both") else []
    below = bottom if edges in ("bottom", "both") else []
    record = "\n".join(["date 2025-10-01 200", *above, title, *body, *below])
    art = clean_text(record)
    assert art.verdict == "article" and art.title == title
    assert art.text == "\n".join(body)
    assert restore(art.text, art.removed) == record


@pytest.mark.parametrize("lang", sorted(RECORDS))
def test_an_article_alone_is_unchanged(lang: str) -> None:
    title, body, _, _ = RECORDS[lang]
    art = clean_text("\n".join(["date 2025-10-01 200", title, *body]))
    assert art.text == "\n".join(body) and art.title == title


NOTICES = {
    "nl": (["Deze website maakt gebruik van cookies. Door verder te gaan gaat u akkoord met ons "
            "cookiebeleid.", "Accepteren"],
           ["Dit artikel is alleen beschikbaar voor abonnees.", "Word abonnee"]),
    "sv": (["Vi använder cookies för att ge dig en bättre upplevelse. Genom att fortsätta "
            "godkänner du vår användning av cookies.", "Godkänn alla"],
           ["Den här artikeln är endast för prenumeranter.", "Logga in för att läsa hela artikeln"]),
    "pl": (["Ta strona używa plików cookies. Kontynuując, wyrażasz zgodę na ich użycie.", "Akceptuję"],
           ["Ten artykuł jest dostępny tylko dla subskrybentów.",
            "Zaloguj się, aby przeczytać cały artykuł"]),
}


@pytest.mark.parametrize("lang", sorted(NOTICES))
def test_a_consent_form_above_and_a_wall_below_go(lang: str) -> None:
    title, body, _, _ = RECORDS[lang]
    consent, wall = NOTICES[lang]
    record = "\n".join(["date 2025-10-01 200", *consent, title, *body, *wall])
    art = clean_text(record)
    assert art.verdict == "article" and art.title == title
    assert art.text == "\n".join(body)
    assert restore(art.text, art.removed) == record


ERROR_PAGES = {
    "nl": ["Pagina niet gevonden", "De pagina die u zoekt bestaat niet (meer) of is verplaatst.",
           "Ga naar de homepage"],
    "sv": ["Sidan kunde inte hittas", "Sidan du letar efter finns inte längre eller har flyttats.",
           "Till startsidan"],
    "da": ["Siden blev ikke fundet", "Siden, du leder efter, findes ikke eller er blevet flyttet.",
           "Gå til forsiden"],
    "no": ["Fant ikke siden", "Siden du leter etter finnes ikke eller er flyttet.", "Gå til forsiden"],
    "pl": ["Nie znaleziono strony", "Strona, której szukasz, nie istnieje lub została przeniesiona.",
           "Wróć na stronę główną"],
    "cs": ["Stránka nebyla nalezena", "Omlouváme se, ale požadovaná stránka neexistuje.",
           "Zpět na úvodní stránku"],
    "ro": ["Pagina nu a fost găsită", "Ne pare rău, pagina pe care o căutați nu există."],
    "tr": ["Sayfa bulunamadı", "Aradığınız sayfa mevcut değil veya taşınmış olabilir.", "Ana sayfaya dön"],
    "fi": ["Sivua ei löytynyt", "Etsimääsi sivua ei ole olemassa tai se on siirretty.", "Palaa etusivulle"],
    "hu": ["Az oldal nem található", "Sajnáljuk, a keresett oldal nem létezik.", "Vissza a főoldalra"],
    "id": ["Halaman tidak ditemukan", "Maaf, halaman yang Anda cari tidak tersedia.", "Kembali ke beranda"],
    "ru": ["Страница не найдена", "Запрашиваемая страница не существует или была перемещена.",
           "Вернуться на главную"],
    "uk": ["Сторінку не знайдено", "Сторінка, яку ви шукаєте, не існує.", "Повернутися на головну"],
    "el": ["Η σελίδα δεν βρέθηκε", "Η σελίδα που αναζητάτε δεν υπάρχει.", "Επιστροφή στην αρχική"],
    "ar": ["الصفحة غير موجودة", "الصفحة التي تبحث عنها غير موجودة.", "العودة إلى الصفحة الرئيسية"],
    "zh": ["页面未找到", "抱歉，您访问的页面不存在。", "返回首页"],
    "ja": ["ページが見つかりません", "お探しのページは存在しないか、移動した可能性があります。", "トップページへ戻る"],
    "ko": ["페이지를 찾을 수 없습니다", "요청하신 페이지가 존재하지 않습니다.", "홈으로 돌아가기"],
}
BANNERS = {
    "cs": "Něco se pokazilo. Zkuste to prosím později.",
    "ro": "A apărut o eroare. Vă rugăm să încercați din nou mai târziu.",
    "tr": "Bir hata oluştu. Lütfen daha sonra tekrar deneyin.",
    "fi": "Jokin meni vikaan. Yritä myöhemmin uudelleen.",
    "hu": "Hiba történt. Kérjük, próbálja újra később.",
    "id": "Terjadi kesalahan. Silakan coba lagi nanti.",
    "nl": "Er is iets misgegaan. Probeer het later opnieuw.",
    "sv": "Något gick fel. Försök igen senare.",
    "ru": "Что-то пошло не так. Попробуйте позже.",
    "el": "Κάτι πήγε στραβά. Δοκιμάστε ξανά αργότερα.",
    "ar": "حدث خطأ ما. يرجى المحاولة لاحقاً.",
    "zh": "出错了，请稍后再试。",
    "ja": "エラーが発生しました。しばらくしてから再度お試しください。",
    "ko": "오류가 발생했습니다. 잠시 후 다시 시도해 주세요.",
}


@pytest.mark.parametrize("lang", sorted(BANNERS))
def test_an_error_banner_under_the_headline_goes(lang: str) -> None:
    title, body, _, _ = RECORDS["nl"]
    record = "\n".join(["date 2025-10-01 200", title, BANNERS[lang], *body])
    art = clean_text(record)
    assert art.verdict == "article" and art.title == title
    assert art.text == "\n".join(body)


HUMAN_CHECKS = {
    "nl": ["Even controleren of u een mens bent", "Dit duurt maar een paar seconden."],
    "pl": ["Potwierdź, że jesteś człowiekiem", "Zaznacz pole poniżej, aby kontynuować."],
}


@pytest.mark.parametrize("lang", sorted(ERROR_PAGES))
def test_a_missing_page_is_an_error_page(lang: str) -> None:
    record = "\n".join(["date 2025-10-01 404", *ERROR_PAGES[lang]])
    art = clean_text(record)
    assert art.verdict == "error_page" and art.text == ""
    assert restore(art.text, art.removed) == record


@pytest.mark.parametrize("lang", sorted(HUMAN_CHECKS))
def test_a_human_check_is_no_article(lang: str) -> None:
    art = clean_text("\n".join(["date 2025-10-01 403", *HUMAN_CHECKS[lang]]))
    assert art.verdict == "blocked" and art.text == ""


STORIES_ABOUT_ERRORS = [
    ("Aanbesteding nieuwe brug moet over", [
        "De gemeente moet de aanbesteding voor de nieuwe brug over de rivier opnieuw doen, zo "
        "besloot de rechter dinsdag.",
        "Er is iets misgegaan bij de beoordeling van de inschrijvingen, erkende de wethouder.",
        "Probeer het later opnieuw, kreeg een van de aannemers te horen toen hij om uitleg vroeg.",
        "De bouw van de brug loopt daardoor minstens een half jaar vertraging op.",
    ]),
    ("Polisi selidiki tabrakan kereta di Bandung", [
        "Polisi sedang menyelidiki tabrakan dua kereta di dekat stasiun Bandung pada Selasa pagi "
        "yang melukai belasan penumpang.",
        "Menurut polisi, terjadi kesalahan komunikasi antara petugas sinyal dan masinis sebelum "
        "kecelakaan itu.",
        "Perusahaan kereta api mengatakan jadwal perjalanan akan kembali normal pada Rabu.",
    ]),
    ("铁路售票系统故障已修复", [
        "铁路部门周二表示，周末影响全国售票的系统故障已经修复，所有线路恢复正常售票。",
        "记者了解到，系统升级期间发生错误，导致部分乘客在两个小时内无法在网上购票。",
        "铁路部门表示，受影响的乘客可以在三十天内申请退还手续费。",
    ]),
]


@pytest.mark.parametrize(("title", "body"), STORIES_ABOUT_ERRORS)
def test_a_story_that_says_something_went_wrong_stays(title: str, body: list[str]) -> None:
    # (Dutch, Indonesian, Chinese: an error banner's words inside a story's sentences)
    art = clean_text("\n".join(["date 2025-10-01 200", title, *body]))
    assert art.verdict == "article" and art.title == title
    assert art.text == "\n".join(body)
