"""Noise families for the blind pool E (bench/bench_renoised_e.py).

Written from scratch for pool E, without looking at the cleaner's code, its tests or the
other renoised pools: each family holds hand-written variants in English, French, German and
Spanish (and a few others), so that a cleaner tuned on other sets meets wording it has not seen.
"""

from __future__ import annotations

# (1)(2) error / soft-404 / outage banners: each entry is one banner, a list of 1-3 lines.
BANNERS: list[list[str]] = [
    ["Oops! We can't seem to find the page you're looking for."],
    ["Something went wrong.", "Please refresh the page or try again in a few minutes."],
    ["Error 404", "The page you requested could not be found. It may have been moved."],
    ["We're experiencing technical difficulties", "Some features may not load correctly."],
    ["Service temporarily unavailable (503). Our engineers are working on it."],
    ["This content is currently unavailable in your region."],
    ["Hmm, that link looks broken.", "Try searching for what you need instead."],
    ["Page not found"],
    ["An unexpected error occurred while loading comments."],
    ["Oups ! Cette page est introuvable."],
    ["Erreur 404 - la page demandée n'existe pas ou a été déplacée."],
    ["Le service est momentanément indisponible.", "Merci de réessayer ultérieurement."],
    ["Une erreur s'est produite lors du chargement de la page."],
    ["Diese Seite existiert leider nicht mehr."],
    ["Fehler 404", "Die angeforderte Seite konnte nicht gefunden werden."],
    ["Hoppla! Da ist etwas schiefgelaufen.", "Bitte laden Sie die Seite neu."],
    ["Wartungsarbeiten: Einige Funktionen stehen derzeit nicht zur Verfügung."],
    ["¡Vaya! No hemos encontrado la página que buscas."],
    ["Error 404. La página solicitada no está disponible."],
    ["Servicio no disponible temporalmente.", "Inténtalo de nuevo más tarde."],
    ["Se ha producido un error inesperado."],
    ["Ops! Pagina non trovata."],
    ["Oeps, deze pagina bestaat niet (meer)."],
    ["502 Bad Gateway"],
    ["Sorry, this video is no longer available."],
    ["Gateway timeout. The server took too long to respond."],
]

# (3) legal notices / disclaimers for the end of the article, each a block of 1-3 lines.
LEGAL: list[list[str]] = [
    [
        "Disclaimer: The views and opinions expressed in this article are those of the author "
        "and do not necessarily reflect the official policy of this publication."
    ],
    [
        "This article is provided for informational purposes only and does not constitute "
        "financial, legal or medical advice. Consult a qualified professional before acting."
    ],
    [
        "© 2024 Northbay Media Group. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
    ],
    [
        "Copyright 2023 Herald Syndicate Ltd. Reproduction in whole or in part without "
        "written permission is prohibited."
    ],
    [
        "Avertissement : les informations publiées sur ce site le sont à titre indicatif et ne "
        "sauraient engager la responsabilité de l'éditeur."
    ],
    [
        "Mentions légales",
        "Toute reproduction, même partielle, est interdite sans l'autorisation écrite de "
        "l'éditeur. Tous droits réservés.",
    ],
    ["© Le Courrier du Sud 2024 – Tous droits de reproduction et de représentation réservés."],
    [
        "Haftungsausschluss: Die Inhalte dieses Artikels wurden mit größter Sorgfalt erstellt. "
        "Für die Richtigkeit, Vollständigkeit und Aktualität übernehmen wir keine Gewähr."
    ],
    [
        "Impressum | Datenschutz | AGB",
        "© 2025 Mediengruppe Nordwest GmbH. Alle Rechte vorbehalten.",
    ],
    [
        "Hinweis: Dieser Beitrag stellt keine Anlageberatung dar. Jede Investition ist mit "
        "Risiken verbunden."
    ],
    [
        "Aviso legal: El contenido de este artículo tiene carácter meramente informativo y no "
        "constituye asesoramiento profesional de ningún tipo."
    ],
    [
        "© Diario del Litoral S.A. Queda prohibida la reproducción total o parcial de este "
        "contenido sin autorización expresa.",
    ],
    [
        "Todos los derechos reservados. Las opiniones vertidas en esta sección son "
        "responsabilidad exclusiva de sus autores."
    ],
    [
        "Note to readers: this story has been updated to correct the spelling of a name.",
        "(c) 2022 Gazette Wire Services. All Rights Reserved.",
    ],
    [
        "Riproduzione riservata © Copyright Gruppo Editoriale Adriatico.",
    ],
    [
        "The information contained herein is believed to be reliable but is not guaranteed. "
        "Past performance is no indication of future results.",
    ],
]

# (4)(5) boilerplate glued with no separator onto the end of a line.
GLUE_END: list[str] = [
    "Share this story",
    "Share on FacebookShare on XEmail",
    "Read more:",
    "Advertisement",
    "Subscribe to our daily newsletter",
    "Comments (0)",
    "Follow us on Instagram",
    "Click here to read more",
    "Tags: politics, economy",
    "Partager cet article",
    "Lire aussi",
    "Publicité",
    "Réagir0 commentaire",
    "Artikel teilen",
    "Mehr zum Thema",
    "Anzeige",
    "Kommentare anzeigen",
    "Compartir en FacebookCompartir en Twitter",
    "Publicidad",
    "Sigue leyendo",
    "Te puede interesar",
    "Condividi su WhatsApp",
]

# (5) boilerplate glued with no separator onto the start of the first body line.
GLUE_START: list[str] = [
    "Listen to this article",
    "Listen · 4 min",
    "Reading time: 3 minutes",
    "Écouter cet article",
    "Temps de lecture : 2 min",
    "Artikel anhören",
    "Lesezeit: 5 Min.",
    "Escuchar noticia",
    "Tiempo de lectura: 4 min",
    "Advertisement",
    "Anzeige",
]

# (8) wire tags: (tag text opening the first paragraph, agency = gold publisher).
WIRE_TAGS: list[tuple[str, str]] = [
    ("PARIS, MAR 3 (ANSA) — ", "ANSA"),
    ("(AFP) _ ", "AFP"),
    ("LONDON (Reuters) - ", "Reuters"),
    ("(Reuters) -- ", "Reuters"),
    ("BERLIN, 12. Mai (dpa) – ", "dpa"),
    ("Hamburg (dpa) - ", "dpa"),
    ("MADRID, 4 mar (EFE).- ", "EFE"),
    ("(EFE) — ", "EFE"),
    ("TOKYO, Jan. 9 (Kyodo) -- ", "Kyodo"),
    ("SEOUL, Oct 2 (Yonhap) -- ", "Yonhap"),
    ("(XNA) ", "XNA"),
    ("BEIJING, June 5 (Xinhua) -- ", "Xinhua"),
    ("NEW DELHI (PTI): ", "PTI"),
    ("(IANS) ", "IANS"),
    ("WARSAW (PAP) - ", "PAP"),
    ("LISBOA, 7 jul (Lusa) - ", "Lusa"),
    ("KUALA LUMPUR, Feb 14 (Bernama) -- ", "Bernama"),
    ("ANKARA (AA) — ", "AA"),
    ("VIENNA, APR 22 (APA) _ ", "APA"),
    ("(UPI) -- ", "UPI"),
    ("WASHINGTON (AP) — ", "AP"),
    ("OSLO (NTB) – ", "NTB"),
    ("(KUNA) -- ", "KUNA"),
    ("GENÈVE, 3 mars (ATS) - ", "ATS"),
    ("ROMA, 18 NOV (ADNK) — ", "ADNK"),
    ("(MENAFN) ", "MENAFN"),
]

# (9) bare place datelines without an agency: they stay in the gold text.
DATELINES: list[str] = [
    "DENVER -- ",
    "BERLIN, Mar. 4 — ",
    "CHICAGO — ",
    "SAN ANTONIO, Texas — ",
    "NAIROBI, Kenya - ",
    "LYON — ",
    "PARIS, 3 mars — ",
    "MÜNCHEN – ",
    "SEVILLA.- ",
    "MONTEVIDEO, 12 de abril — ",
    "TORONTO -- ",
    "PORTLAND, Ore. — ",
    "GENEVA, Sept. 18 — ",
    "MELBOURNE – ",
]

# (10)(11) navigation / menu lines and single-word items.
NAV_ITEMS: list[list[str]] = [
    ["Home", "News", "World", "Business", "Sport", "Culture", "Opinion"],
    ["Accueil", "Actualités", "Politique", "Économie", "Sports", "Culture"],
    ["Startseite", "Nachrichten", "Politik", "Wirtschaft", "Sport", "Kultur", "Panorama"],
    ["Inicio", "Noticias", "Nacional", "Internacional", "Deportes", "Opinión"],
    ["Menu", "Search", "Sign in", "Subscribe"],
    ["Menü", "Suche", "Anmelden", "Abo"],
    ["Rubriques", "Rechercher", "Se connecter", "S'abonner"],
    ["Secciones", "Buscar", "Iniciar sesión", "Suscríbete"],
    ["Politics", "Tech", "Science", "Health", "Travel", "Video"],
]
NAV_JOINERS = [" | ", " · ", " / ", "  ", " • "]

# copyright / trademark lines for the edges
EDGE_LEGAL: list[str] = [
    "© 2025 Coastline Broadcasting Company. All rights reserved.",
    "Copyright © 2024 The Valley Tribune",
    "® Registered trademark of Meridian Press Inc.",
    "All content © Nordic Daily AB 2023",
    "© 2024 Éditions du Rivage – Tous droits réservés",
    "© Copyright 2025 Verlagshaus Rheinland. Alle Rechte vorbehalten.",
    "© 2023 Grupo Prensa Andina. Todos los derechos reservados.",
    "Terms of Use | Privacy Policy | Cookie Settings",
    "Conditions générales | Politique de confidentialité | Contact",
    "Impressum · Datenschutz · Kontakt",
    "Aviso legal | Política de privacidad | Contacto",
    "Metro Herald™ is a trademark of Metro Herald Holdings LLC.",
]

# (12) prose paragraphs that mention an HTTP error code: they ARE article text.
HTTP_PROSE: list[str] = [
    'Visitors to the ministry\'s booking portal were met with a "503 Service Unavailable" '
    "message for most of Tuesday morning, a spokesperson confirmed, adding that the system "
    "had been overwhelmed by demand.",
    "Researchers found that nearly a third of the links cited in older court rulings now lead "
    "to a 404 error page, a phenomenon librarians call link rot.",
    "Users reported seeing error 502 when they tried to log in, and the company later blamed "
    "a faulty configuration change at one of its data centres.",
    "The council's website returned a 404 for several hours after the vote, which critics "
    "said made it impossible for residents to read the minutes.",
    "Les usagers se sont heurtés à une erreur 500 sur le site des impôts pendant toute la "
    "matinée, a reconnu la direction, qui promet un retour à la normale dans la journée.",
    "Selon l'association, près de 40 % des pages officielles citées dans le rapport "
    "renvoient désormais une erreur 404.",
    'Wer am Montag das Portal der Stadtwerke aufrief, sah nur die Meldung "Fehler 503"; '
    "nach Angaben des Unternehmens war der Ansturm auf die neuen Tarife zu groß.",
    "Die Forscher zählten mehr als 2.000 Links, die inzwischen auf eine 404-Seite führen.",
    "Durante varias horas, la web de la Seguridad Social devolvió un error 503 a quienes "
    "intentaban pedir cita, según denunciaron decenas de usuarios en redes sociales.",
    "El informe señala que uno de cada cinco enlaces oficiales termina hoy en un error 404.",
    "A spokesperson said the outage, which showed customers a blank page with the code 504, "
    "lasted about forty minutes and affected payments in three countries.",
]

# (13) author bio / newsletter pitch / related links / comment widgets, blocks of lines.
WIDGETS: list[list[str]] = [
    [
        "About the author",
        "Maya Lindqvist covers energy and climate for the paper. She previously reported from "
        "Brussels and Stockholm.",
    ],
    [
        "Sign up for our morning briefing",
        "Get the day's top stories delivered to your inbox every weekday.",
        "Enter your email",
    ],
    [
        "Related stories",
        "City hall approves new bike lanes",
        "Storm leaves thousands without power",
    ],
    ["Comments", "Leave a comment", "You must be logged in to post a comment."],
    ["0 Comments", "Be the first to comment"],
    ["Share:", "Facebook", "Twitter", "LinkedIn", "WhatsApp"],
    [
        "À propos de l'auteur",
        "Claire Morand est journaliste au service Économie depuis 2015.",
    ],
    [
        "Recevez chaque matin l'essentiel de l'actualité",
        "Inscrivez-vous à notre newsletter gratuite.",
    ],
    ["À lire aussi", "Les prix de l'énergie repartent à la hausse", "Grève : le trafic perturbé"],
    ["Commentaires", "Connectez-vous pour réagir."],
    ["Über den Autor", "Jonas Weber ist Redakteur im Ressort Politik."],
    [
        "Newsletter",
        "Die wichtigsten Nachrichten des Tages – jeden Abend kostenlos in Ihrem Postfach.",
        "Jetzt anmelden",
    ],
    ["Das könnte Sie auch interessieren", "Bahnstreik: Was Pendler jetzt wissen müssen"],
    ["Kommentare (12)", "Melden Sie sich an, um zu kommentieren."],
    ["Sobre el autor", "Lucía Ferrer es redactora de la sección de Sociedad."],
    ["Suscríbete a nuestro boletín", "Recibe las noticias más importantes cada mañana."],
    ["Noticias relacionadas", "El Gobierno aprueba el nuevo plan de vivienda"],
    ["Comentarios", "Para comentar debes iniciar sesión."],
    ["More from this section", "Read next", "Most popular"],
]

# (14) cookie-consent blocks.
COOKIES: list[list[str]] = [
    [
        "We use cookies to improve your experience on our site and to show you relevant "
        "advertising. By continuing to browse, you agree to our use of cookies.",
        "Accept all",
        "Manage preferences",
    ],
    [
        "This website uses cookies. Some of them are essential, while others help us improve "
        "the site.",
        "OK",
    ],
    [
        "Nous utilisons des cookies pour vous offrir la meilleure expérience possible. En "
        "poursuivant votre navigation, vous acceptez leur utilisation.",
        "Tout accepter",
        "Paramétrer",
    ],
    ["Ce site utilise des cookies. En savoir plus", "J'accepte"],
    [
        "Wir verwenden Cookies, um Inhalte zu personalisieren und die Zugriffe auf unsere "
        "Website zu analysieren.",
        "Alle akzeptieren",
        "Einstellungen",
    ],
    ["Diese Website verwendet Cookies. Mehr erfahren", "Verstanden"],
    [
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa "
        "navegando, consideramos que acepta su uso.",
        "Aceptar",
        "Configurar",
    ],
    ["Este sitio web usa cookies. Más información", "Rechazar", "Aceptar todas"],
    ["Cookie settings", "Your privacy matters to us. Choose which cookies you allow."],
]

# verdict-only records: pure error pages, block / captcha pages, login walls.
ERROR_PAGES: list[list[str]] = [
    ["Page not found", "Sorry, the page you are looking for does not exist.", "Go to homepage"],
    ["404", "We couldn't find that page.", "Try searching or browse our latest stories below."],
    [
        "Page introuvable",
        "La page que vous cherchez n'existe pas ou a été supprimée.",
        "Retour à l'accueil",
    ],
    ["Seite nicht gefunden", "Die von Ihnen aufgerufene Seite existiert nicht.", "Zur Startseite"],
    ["Página no encontrada", "Lo sentimos, la página que buscas no existe.", "Volver al inicio"],
    [
        "Internal Server Error",
        "The server encountered an error and could not complete your request.",
    ],
    ["Error 410 - Gone", "This article has been removed."],
    ["Oops, this page has gone missing!", "Here are some stories you might like instead:"],
    ["Erreur 500", "Le serveur a rencontré un problème. Veuillez réessayer plus tard."],
    ["Ups, hier ist etwas schiefgelaufen.", "Fehlercode: 500"],
]
BLOCK_PAGES: list[list[str]] = [
    [
        "Access denied",
        "You don't have permission to access this resource on this server.",
        "Reference #18.7f3a2c1d.1712345678.9e0b",
    ],
    [
        "Checking your browser before accessing the site.",
        "This process is automatic. Your browser will redirect shortly.",
        "Ray ID: 7d1c2a9be4f0",
    ],
    ["Please verify you are a human", "Press and hold the button to continue."],
    ["Too many requests", "You have exceeded the rate limit. Please wait and try again."],
    [
        "Accès refusé",
        "Nous avons détecté un trafic inhabituel depuis votre réseau.",
        "Veuillez compléter le captcha pour continuer.",
    ],
    [
        "Zugriff verweigert",
        "Ihre Anfrage wurde als automatisiert erkannt.",
        "Bitte bestätigen Sie, dass Sie kein Roboter sind.",
    ],
    [
        "Acceso denegado",
        "Hemos detectado actividad sospechosa desde tu dirección IP.",
        "Completa la verificación para continuar.",
    ],
    [
        "Are you a robot?",
        "We detected unusual activity from your computer network.",
        "To continue, please click the box below to let us know you're not a robot.",
    ],
    ["403 Forbidden", "Request blocked by security policy."],
]
LOGIN_WALLS: list[list[str]] = [
    [
        "Subscribe to continue reading",
        "Already a subscriber? Log in",
        "Get unlimited access for $1 a week.",
    ],
    ["This article is for subscribers only.", "Sign in or create a free account to keep reading."],
    [
        "Cet article est réservé aux abonnés.",
        "Déjà abonné ? Connectez-vous",
        "Abonnez-vous pour 1 € le premier mois",
    ],
    [
        "Dieser Artikel ist nur für Abonnenten verfügbar.",
        "Jetzt einloggen",
        "Testen Sie 4 Wochen gratis",
    ],
    [
        "Contenido exclusivo para suscriptores",
        "¿Ya eres suscriptor? Inicia sesión",
        "Suscríbete desde 1 € al mes",
    ],
    ["Please log in to view this content.", "Username", "Password", "Forgot your password?"],
]
