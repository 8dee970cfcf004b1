"""Error, soft-404 and block-page banners (en, de, fr, es, it, pt).

A banner is a short line whose wording belongs to the family of "this page is not here" or
"you may not see this page" messages.  Patterns describe the family (status words, the
verbs and nouns such messages are built from), not particular sites' strings.
"""

from __future__ import annotations

import re
from typing import Final

from ..text_view import dense_in, tokens

MAX_WORDS: Final = 30  # banners are short; a long sentence that mentions a 404 is prose
MAX_CHARS: Final = 400

_ERROR: Final = [
    # status codes with their words, in any order
    r"\b(?:4\d\d|5\d\d)\b[\s:.-]*(?:error|fehler|erreur|errores?|errore|erro|not found|forbidden|gone|unavailable|page|seite|página|pagina)",
    r"\b(?:error|fehler|erreur|errores?|errore|erro)\s*(?:code\s*)?[:#]?\s*(?:4\d\d|5\d\d)\b",
    r"\b(?:page|file|article|content|post|story|resource|url|document|seite|inhalt|artikel)\s+(?:was\s+|is\s+|could\s+)?not\s+(?:be\s+)?found\b",
    r"\bnot\s+found\b\s*$",
    r"\b(?:page|content|article|post|story|link|url|resource)\b[^.!?]{0,40}\b(?:doesn'?t|does\s+not|did\s+not|didn'?t|no\s+longer|can'?t|cannot|could\s+not|couldn'?t|won'?t)\s+(?:exists?|be\s+found|available|found|work)",
    r"\b(?:no\s+longer|not|isn'?t|is\s+not|currently\s+not)\s+(?:be\s+)?available\b",
    r"\b(?:page|content|article)s?\b[^.!?]{0,30}\b(?:has|have|was|were|may\s+have)\s+been\s+(?:removed|deleted|moved|taken\s+down|archived|renamed|unpublished)",
    r"\b(?:page|what|the\s+page|content)\s+you\s+(?:are|were|'re)\s+(?:looking|searching)\s+for\b",
    r"\bpage\s+you\s+requested\b|\bthe\s+requested\s+(?:url|page|document|resource|file|content|article)\b",
    r"\b(?:we|i)\s+(?:can'?t|cannot|could\s*n'?t|could\s+not|were\s+unable\s+to)\s+(?:find|locate)\b",
    r"^(?:can'?t|cannot|couldn'?t|could\s+not|unable\s+to)\s+(?:find|locate|load)\b",
    r"\b(?:this|that|the)\s+page\s+(?:doesn'?t|does\s+not|no\s+longer)\s+exist",
    # (a Spanish exclamation opens on "¡"; more interjections, with their "!", and error words
    # before a colon, in the six languages)
    r"^¡?\s*(?:sorry|oops|whoops|uh[\s-]?oh|hmm+|error|hoppla|huch|ups|oups|oh\s+non?|lo\s+siento|lo\s+sentimos|désolé|entschuldigung|es\s+tut\s+uns\s+leid|perdón|spiacenti|siamo\s+spiacenti|ci\s+dispiace|desculpe|lamentamos|opa"
    r")\b[\s!.,:…]*"
    r"|^¡?\s*(?:vaya|zut|mince|aïe|ay|uy|ops|oh\s+no)\s*!|^(?:erreur|fehler|errore|erro)\s*:",
    r"\bsomething\s+went\s+wrong\b",
    r"\b(?:internal\s+server\s+error|service\s+(?:temporarily\s+)?unavailable|bad\s+gateway|gateway\s+time-?\s?out|server\s+error|page\s+not\s+available|under\s+maintenance)\b",
    r"\b(?:broken|dead)\s+link\b",
    r"\blink\s+(?:you\s+(?:followed|clicked)|may\s+be\s+broken)",
    r"\b(?:go|return|back|head)\s+(?:back\s+)?to\s+(?:the\s+|our\s+)?(?:home\s?page|front\s?page|start\s?page|main\s+page)\b",
    r"\b(?:the\s+)?(?:change|request)\s+you\s+wanted\s+was\s+rejected\b",
    r"\bnothing\s+(?:was\s+)?found\b",
    r"^(?:error\s+)?[45]\d\d[\s.!:]*$",
    r"\b(?:mistyped|misspelled)\s+(?:the\s+)?(?:address|url|link)\b",
    r"\b(?:page|url|address|link|it)\s+may\s+have\s+(?:been\s+)?(?:moved|changed|removed|deleted|expired)\b",
    r"^(?:has\s+been|was)\s+(?:removed|deleted|moved)\b",
    r"\byou\s+(?:must\s+be|are|seem\s+to\s+be|got)\s+lost\b",
    r"\b(?:try|please\s+try)\s+(?:searching|a\s+search|again\s+later)\b",
    r"\bmaybe\s+try\s+a\s+search\b",
    r"\b(?:server|site|website|application)\s+(?:has\s+)?(?:encountered|experienced)\s+(?:an?\s+)?(?:internal\s+|unexpected\s+|temporary\s+)?(?:error|problem)",
    r"\bunable\s+to\s+(?:complete|process|fulfil?l|handle)\s+(?:your|the|this)\s+request\b",
    r"\b(?:page|article|story|content|link|listing)\s+(?:you\s+requested\s+|you\s+are\s+looking\s+for\s+)?(?:has|have)\s+expired\b",
    r"\berror\s+establishing\s+a\s+database\s+connection\b|^database\s+(?:connection\s+)?error\b",
    # German
    r"\bnicht\s+gefunden\b",
    r"\b(?:existiert|gibt\s+es)\s+(?:leider\s+)?(?:nicht|nicht\s+mehr)\b",
    r"\bnicht\s+(?:mehr\s+)?(?:verfügbar|erreichbar|vorhanden)\b",
    r"\bseite\s+(?:wurde\s+)?(?:nicht|entfernt|gelöscht|verschoben)\b",
    r"\b(?:die\s+)?(?:angeforderte|gesuchte|aufgerufene)\s+seite\b",
    r"\bein\s+fehler\s+ist\s+aufgetreten\b",
    # French
    r"\bpage\s+(?:non\s+trouvée|introuvable|inexistante|indisponible)\b",
    r"\b(?:n'existe\s+(?:pas|plus)|est\s+introuvable|n'est\s+plus\s+disponible|n'est\s+pas\s+disponible)\b",
    r"\bla\s+page\s+(?:que\s+vous|demandée|recherchée)\b",
    r"\bune\s+erreur\s+(?:s'est\s+produite|est\s+survenue)\b",
    r"\bnous\s+ne\s+(?:trouvons|pouvons\s+pas\s+trouver)\b",
    # Spanish
    r"\bpágina\s+no\s+(?:encontrada|existe|disponible)\b",
    r"\bno\s+(?:se\s+)?(?:ha\s+)?(?:encontrad[oa]|pudo\s+encontrar|existe|está\s+disponible)\b",
    r"\bla\s+página\s+(?:que\s+(?:buscas|busca|estás\s+buscando|solicitaste)|solicitada)\b",
    r"\bya\s+no\s+(?:existe|está\s+disponible)\b",
    r"\bha\s+ocurrido\s+un\s+error\b|\bse\s+produjo\s+un\s+error\b",
    # Italian
    r"\bpagina\s+(?:non\s+(?:trovata|esiste|disponibile)|inesistente)\b",
    r"\b(?:pagina|contenuto|articolo|link|risorsa|notizia)\b[^.!?]{0,40}\b(?:non\s+esiste|non\s+è\s+(?:più\s+)?disponibile|non\s+(?:è\s+stat[oa]\s+)?trovat[oa])\b|\bnon\s+è\s+più\s+disponibile\b",
    r"\bla\s+pagina\s+(?:che\s+(?:stai\s+cercando|cerchi|hai\s+(?:richiesto|cercato))|richiesta|cercata)\b",
    r"\b(?:si\s+è\s+verificato|c'è\s+stato)\s+un\s+errore\b",
    # Portuguese
    r"\bpágina\s+(?:não\s+(?:encontrada|existe|disponível)|inexistente)\b",
    r"\b(?:página|conteúdo|artigo|link|notícia)\b[^.!?]{0,40}\b(?:não\s+(?:foi\s+)?encontrad[oa]|(?:já\s+)?não\s+existe|não\s+está\s+(?:mais\s+)?disponível)\b|\bnão\s+está\s+mais\s+disponível\b",
    r"\ba\s+página\s+(?:que\s+(?:você\s+)?(?:procura|está\s+procurando|buscou|solicitou|tentou\s+acessar)|solicitada|procurada)\b",
    r"\b(?:ocorreu|houve)\s+um\s+erro\b",
    # a page or its content removed or moved (de, fr, es, it, pt): the first noun within a
    # clause of the participle
    r"\b(?:seite|artikel|inhalt|beitrag|link)\b[^.!?]{0,40}\bwurde\s+(?:\w+\s+)?(?:verschoben|gelöscht|entfernt)\b|"
    r"\b(?:page|contenu|article|lien)\b[^.!?]{0,40}\b(?:a|ont|aurait|a\s+pu)\s+(?:été|être)\s+(?:supprimée?s?|déplacée?s?|retirée?s?)\b|"
    r"\b(?:página|contenido|artículo|enlace)\b[^.!?]{0,40}\b(?:ha|han|haya)\s+sido\s+(?:movid[oa]|eliminad[oa]|borrad[oa]|retirad[oa])\b|"
    r"\b(?:pagina|contenuto|articolo|link)\b[^.!?]{0,40}\b(?:è\s+stat[oa]|potrebbe\s+essere\s+stat[oa])\s+(?:rimoss[oa]|spostat[oa]|cancellat[oa]|eliminat[oa])\b|"
    r"\b(?:página|conteúdo|link)\b[^.!?]{0,40}\b(?:foi|pode\s+ter\s+sido)\s+(?:removid[oa]|excluíd[oa]|movid[oa]|apagad[oa])\b",
    # what an error page offers: back to the front page, check the address, search
    r"^(?:zurück\s+)?zur\s+startseite\b|^(?:retour(?:ner)?|revenir)\s+à\s+l'accueil\b|"
    r"^(?:volver|regresar|ir)\s+a\s+(?:la\s+)?(?:portada|página\s+(?:de\s+)?inicio|inicio)\b|"
    r"^torna(?:re)?\s+alla\s+(?:home\s?(?:page)?|pagina\s+(?:principale|iniziale))\b|"
    r"^(?:voltar|volte|retornar)\s+(?:para|à|ao)\s+(?:[ao]\s+)?(?:página\s+inicial|home\s?(?:page)?|início)\b",
    r"\bwhat\s+you\s+(?:are|were|'re)\s+after\W*$",
    r"\b(?:überprüfen|prüfen|vérifiez|comprueba|compruebe|revisa|controlla|verifique|verifica)\b[^.!?]{0,30}\b(?:adresse|url|dirección|indirizzo|endereço)\b",
    # a page or a service out of order for a while, or under maintenance (en, de, fr, es, it,
    # pt); content that failed to load; an error that occurred
    r"\b(?:temporarily|currently|momentarily)\s+(?:unavailable|offline)\b",
    r"\b(?:down|offline|closed)\s+for\s+(?:scheduled\s+|planned\s+)?maintenance\b|\bmaintenance\s+mode\b"
    r"|\b(?:site|website|page|service|server|app)\s+(?:is\s+)?(?:currently\s+)?(?:under|in)\s+maintenance\b",
    r"\b(?:page|content|story|article|video|comments?|image|feed|this)\b[^.!?]{0,20}\b"
    r"(?:could\s+not|couldn'?t|failed\s+to|did\s+not|didn'?t)\s+(?:be\s+)?load(?:ed)?\b",
    r"\ban?\s+(?:unexpected\s+|unknown\s+|internal\s+)?error\s+(?:has\s+)?occurr?ed\b",
    r"\blink\s+(?:appears|seems)\s+to\s+be\s+broken\b",
    r"\bwegen\s+wartungsarbeiten\b|^wartungsarbeiten\s*[:!-]|\bwartungsmodus\b"
    r"|\bvorübergehend\s+nicht\s+(?:verfügbar|erreichbar)\b",
    r"\b(?:momentanément|temporairement)\s+(?:indisponible|inaccessible)\b"
    r"|\b(?:site|page|service)\s+(?:est\s+)?(?:actuellement\s+)?en\s+(?:cours\s+de\s+)?maintenance\b",
    r"\btemporalmente\s+no\s+(?:está\s+)?disponible\b"
    r"|\b(?:sitio|página|servicio|web)\s+(?:está\s+)?(?:actualmente\s+)?en\s+mantenimiento\b",
    r"\b(?:pagina|servizio|sito|contenuto)\b[^.!?]{0,30}\bnon\s+(?:è\s+)?disponibile\b"
    r"|\btemporaneamente\s+non\s+disponibile\b|\b(?:sito|pagina|servizio)\s+(?:è\s+)?(?:attualmente\s+)?in\s+manutenzione\b",
    r"\b(?:página|serviço|site|conteúdo)\b[^.!?]{0,30}\bindisponível\b|\btemporariamente\s+indisponível\b"
    r"|\b(?:site|página|serviço)\s+(?:está\s+)?(?:atualmente\s+)?em\s+manutenção\b",
    # an error that occurred, trying again, going back to the home page, a page moved or
    # deleted, in German, French, Spanish, Italian and Portuguese word orders
    r"\bfehler\s+aufgetreten\b|\bversuchen\s+sie\s+es\b[^.]{0,30}\b(?:erneut|später|noch\s+einmal)\b"
    r"|\bzur\s+startseite\s+zurück\b|\bzurück\s+zur\s+startseite\b"
    r"|\b(?:revenir|retourner|retour)\s+à\s+(?:la\s+)?page\s+d'accueil\b|\bréessayez\s+plus\s+tard\b|\bveuillez\s+réessayer\b"
    r"|\ba\s+(?:peut-être\s+)?été\s+(?:déplacée|supprimée)\b"
    r"|\b(?:volver|regresar|vuelve)\s+a\s+la\s+(?:página\s+de\s+inicio|portada)\b|\binténtalo\s+(?:de\s+nuevo|más\s+tarde)\b|\bvuelve\s+a\s+intentarlo\b"
    r"|\btorna(?:re)?\s+alla\s+(?:home\s?page|pagina\s+(?:iniziale|principale))\b|\briprova(?:re)?\s+più\s+tardi\b"
    r"|\bvoltar\s+(?:para\s+)?(?:a\s+)?página\s+inicial\b|\btente\s+novamente\s+mais\s+tarde\b",
    # the page gone offline, a bare HTTP status, a cached copy shown instead, and "something
    # went wrong" in German
    r"\b(?:page|story|article|content|post|video|link|site|website|seite|artikel|beitrag)\b[^.!?]{0,20}"
    r"\b(?:no\s+longer|isn'?t|is\s+not|currently\s+not|nicht\s+mehr)\s+(?:online|accessible|erreichbar)\b",
    r"^http\s*(?:error\s*|status\s*)?[45]\d\d\b",
    r"\b(?:showing|viewing|displaying|this\s+is)\s+an?\s+cached\s+(?:copy|version)\b|\bcached\s+(?:copy|version)\s+of\s+(?:this|the)\s+(?:page|article|story)\b",
    r"\betwas\s+(?:ist\s+)?schief\s?(?:ge)?(?:gangen|laufen)\b|\bschiefgelaufen\b|\bschiefgegangen\b",
    # a time-out, a lost connection and a saved copy shown instead, a fault "on our end"
    r"\b(?:page|server|site|website|request|app|service)\s+(?:took|is\s+taking|takes)\s+too\s+long\s+to\s+(?:respond|load|answer)\b",
    r"\bconnection\s+(?:was\s+|has\s+been\s+)?(?:reset|lost|interrupted|timed\s+out)\b[^.!?]{0,40}[.!]?\s*(?:$|(?:displaying|showing|please|try|retry|reload)\b)"
    r"|\b(?:displaying|showing|viewing)\s+(?:an?\s+)?saved\s+(?:copy|version)\b",
    r"\b(?:something|an?\s+(?:\w+\s+)?(?:error|problem|issue))\s+(?:unexpected\s+)?(?:happened|occurred)\s+on\s+our\s+(?:end|side)\s*(?:[.!]|$)",
    # a missing page, an error, trying again and the way home in Dutch, Swedish, Danish,
    # Norwegian and Polish (a page's noun beside "does not exist" or "moved": a story's office
    # moves too)
    r"\bpagina\s+(?:is\s+)?niet\s+(?:gevonden|beschikbaar)\b|\b(?:pagina|artikel)\b[^.!?]{0,40}\b(?:bestaat\s+niet|is\s+verplaatst|is\s+verwijderd)\b"
    r"|\ber\s+is\s+iets\s+(?:mis|fout)\s*gegaan\b|\bprobeer\s+het\s+(?:later\s+)?(?:opnieuw|nogmaals)\b"
    r"|^ga\s+(?:terug\s+)?naar\s+de\s+(?:home\s?page|voorpagina|startpagina)\b",
    r"\bsidan\s+(?:kunde\s+inte\s+hittas|hittades\s+inte)\b|\bsidan\b[^.!?]{0,40}\b(?:finns\s+inte|har\s+flyttats|har\s+tagits\s+bort)\b"
    r"|\bnågot\s+gick\s+fel\b|\bförsök\s+igen\s+senare\b|^(?:gå\s+)?till\s+startsidan\b",
    r"\bsiden\s+(?:blev\s+ikke\s+fundet|kunne\s+ikke\s+findes|ble\s+ikke\s+funnet)\b|\bfant\s+ikke\s+siden\b"
    r"|\bsiden\b[^.!?]{0,40}\b(?:findes\s+ikke|finnes\s+ikke|er\s+(?:blevet\s+)?flyttet|er\s+(?:blevet\s+)?slettet)\b"
    r"|\bder\s+(?:opstod|skete)\s+en\s+fejl\b|\bnoe\s+gikk\s+galt\b|\bprøv\s+igjen\s+senere\b|\bprøv\s+igen\s+senere\b"
    r"|^gå\s+til\s+forsiden\b",
    r"\bnie\s+znaleziono\s+strony\b|\bstrona\b[^.!?]{0,40}\b(?:nie\s+istnieje|nie\s+została\s+znaleziona|została\s+(?:przeniesiona|usunięta))\b"
    r"|\bwystąpił\s+(?:nieoczekiwany\s+)?błąd\b|\bcoś\s+poszło\s+nie\s+tak\b|\bspróbuj\s+(?:ponownie|jeszcze\s+raz)\b"
    r"|^wróć\s+na\s+stronę\s+główną\b",
    # ... and in Czech, Romanian, Turkish, Finnish, Hungarian and Indonesian, with each
    # language's "sorry" opening a line
    r"\bstránka\s+(?:nebyla\s+nalezena|neexistuje)\b|\b(?:stránka|článek)\b[^.!?]{0,40}\b(?:neexistuje|byla\s+(?:přesunuta|odstraněna))\b"
    r"|\bněco\s+se\s+pokazilo\b|\bdošlo\s+k\s+(?:neočekávané\s+)?chybě\b|\bzkuste\s+to\s+(?:prosím\s+)?(?:později|znovu)\b"
    r"|^zpět\s+na\s+(?:úvodní|hlavní)\s+stránk\w*|^omlouváme\s+se\b",
    r"\bpagina\s+nu\s+a\s+fost\s+găsită\b|\bpagina\b[^.!?]{0,40}\bnu\s+(?:mai\s+)?există\b|\ba\s+apărut\s+o\s+eroare\b"
    r"|\b(?:încercați|încearcă)\s+(?:din\s+nou|mai\s+târziu)\b|^înapoi\s+la\s+pagina\s+principală\b|^ne\s+pare\s+rău\b",
    r"\bsayfa\s+bulunamadı\b|\bsayfa\b[^.!?]{0,40}\b(?:mevcut\s+değil|bulunamadı|taşınmış|kaldırılmış)\b|\bbir\s+hata\s+oluştu\b"
    r"|\b(?:daha\s+sonra\s+)?tekrar\s+deneyin\b|^ana\s+sayfaya\s+dön\b|^üzgünüz\b",
    r"\bsivua\s+ei\s+löytynyt\b|\bsivua?\b[^.!?]{0,40}\b(?:ei\s+ole\s+olemassa|on\s+siirretty|on\s+poistettu)\b"
    r"|\bjokin\s+meni\s+vikaan\b|\btapahtui\s+virhe\b|\byritä\s+(?:myöhemmin\s+)?uudelleen\b|^palaa\s+etusivulle\b|^pahoittelemme\b",
    r"\baz\s+oldal\s+nem\s+található\b|\boldal\b[^.!?]{0,40}\bnem\s+(?:létezik|található)\b|\bhiba\s+történt\b"
    r"|\bpróbálja\s+(?:meg\s+)?újra\b|^vissza\s+a\s+főoldalra\b|^sajnáljuk\b",
    r"\bhalaman\s+tidak\s+ditemukan\b|\bhalaman\b[^.!?]{0,40}\btidak\s+(?:tersedia|ditemukan|ada)\b|\bterjadi\s+kesalahan\b"
    r"|\bsilakan\s+coba\s+lagi\b|\bcoba\s+lagi\s+nanti\b|^kembali\s+ke\s+beranda\b|^maaf\b",
    # ... in Russian, Ukrainian, Greek and Arabic
    r"\bстраниц[аы]\s+не\s+найден[аы]\b|\bсторінк[уа]\s+не\s+знайдено\b"
    r"|\b(?:страница|сторінка)\b[^.!?]{0,40}\b(?:не\s+существует|не\s+існує|была\s+(?:перемещена|удалена)|була\s+(?:переміщена|видалена))\b"
    r"|\bчто-то\s+пошло\s+не\s+так\b|\bщось\s+пішло\s+не\s+так\b|\bпопробуйте\s+(?:ещё\s+раз\s+)?позже\b|\bспробуйте\s+(?:ще\s+раз\s+)?пізніше\b"
    r"|\bпроизошла\s+ошибка\b|\bсталася\s+помилка\b|^вернуться\s+на\s+главную\b|^повернутися\s+на\s+головну\b",
    r"\bη\s+σελίδα\s+δεν\s+βρέθηκε\b|\bσελίδα\b[^.!?;]{0,40}\bδεν\s+υπάρχει\b|\bκάτι\s+πήγε\s+στραβά\b|\bδοκιμάστε\s+ξανά\b"
    r"|\bπαρουσιάστηκε\s+(?:ένα\s+)?σφάλμα\b|^επιστροφή\s+στην\s+αρχική\b",
    r"\bالصفحة\b[^.!?؟]{0,40}\bغير\s+موجودة\b|\bحدث\s+خطأ\b|\b(?:يرجى|الرجاء)\s+المحاولة\s+(?:مرة\s+أخرى|لاحقا)"
    r"|^العودة\s+إلى\s+الصفحة\s+الرئيسية\b",
    # ... and in Chinese, Japanese and Korean (read by substrings: their words are not spaced)
    r"(?:页面|頁面|网页|網頁)(?:未找到|不存在|找不到|无法找到)|出错了|(?:发生|出现)错误|请稍后(?:再试|重试)|^返回首页|^抱歉",
    r"ページが見つかりません|ページ(?:は|が)存在しません|存在しないか|エラーが発生しました"
    r"|(?:しばらくしてから|後ほど)(?:再度|もう一度)お試しください|^トップページ(?:へ|に)戻る|^申し訳(?:ありません|ございません)",
    r"페이지를\s*찾을\s*수\s*없습니다|페이지가\s*존재하지\s*않습니다|오류가\s*발생했습니다|잠시\s*후\s*다시\s*시도|^홈으로\s*돌아가기|^죄송합니다",
]

_BLOCKED: Final = [
    r"\baccess\s+(?:to\s+this\s+(?:page|site|website|resource)\s+(?:has\s+been|is)\s+)?denied\b",
    r"\b(?:you\s+(?:have\s+been|are|'ve\s+been)|you\s+were|has\s+been|request)\s+(?:temporarily\s+)?blocked\b",
    r"\bare\s+you\s+(?:a\s+)?(?:robot|human|bot)\b",
    r"\bverify(?:ing)?\s+(?:that\s+)?you\s+are\s+(?:a\s+)?(?:human|not\s+a\s+robot)\b",
    r"\b(?:i'?m|i\s+am)\s+not\s+a\s+robot\b",
    r"\bchecking\s+(?:your\s+browser|if\s+the\s+site\s+connection\s+is\s+secure)\b",
    r"^just\s+a\s+moment\b",
    r"\bchecking\s+(?:your\s+)?(?:connection|browser|device|request)\b",
    r"^(?:your\s+)?ip(?:\s+address)?\s*:",
    r"\benable\s+(?:javascript|js)\s+and\s+cookies\s+to\s+continue\b",
    r"\bperformance\s+(?:&|and)\s+security\s+by\b",
    r"\b(?:cloudflare|incapsula|imperva|akamai|perimeterx|datadome|ddos[-\s]guard|sucuri)\b.*\b(?:ray\s+id|security|protection|blocked|incident|firewall)\b",
    r"\bray\s+id\b",
    r"\bunusual\s+(?:traffic|activity)\b",
    r"\b(?:re)?captcha\b",
    r"\btoo\s+many\s+requests\b",
    r"\brate[\s-]?limit(?:ed|ing)?\b",
    r"\b403\s+forbidden\b|^forbidden[\s.!]*$",
    r"\b(?:security|human|bot|browser)\s+(?:check|verification|validation)\b",
    r"\bcomplete\s+the\s+security\s+check\b",
    r"\bwhat\s+can\s+i\s+do\s+to\s+resolve\s+this\b",
    r"\b(?:you\s+)?(?:don'?t|do\s+not|are\s+not\s+allowed\s+to|lack)\s+(?:have\s+)?(?:the\s+)?(?:permission|authori[sz]ation|access\s+rights?)\s+to\s+(?:access|view|see)\b",
    r"^(?:error\s+)?reference\s*(?:#|number|no\.?|id)\s*:?\s*[\w.]+",
    r"\bwhy\s+(?:have\s+i\s+been|am\s+i\s+being|was\s+i)\s+blocked\b",
    r"\b(?:this\s+)?website\s+is\s+using\s+a\s+security\s+service\b",
    r"\bpardon\s+our\s+interruption\b",
    r"\bpress\s+(?:&|and)\s+hold\b",
    r"\battention\s+required\b",
    r"\b(?:automated|suspicious)\s+(?:access|requests?|queries|traffic|behaviou?r)\b",
    r"\bbot\s+(?:detection|protection|detected)\b",
    r"\b(?:request|connection)\s+(?:id|reference)\s*[:#]",
    r"\byour\s+ip(?:\s+address)?\s+(?:has\s+been|is|was)\b",
    r"\bthe\s+owner\s+of\s+this\s+website\b.*\b(?:banned|blocked)\b",
    r"\bzugriff\s+verweigert\b|\bzugang\s+gesperrt\b|\bkein\s+roboter\b|\bsicherheitsüberprüfung\b",
    r"\baccès\s+(?:refusé|interdit|bloqué)\b|\bvous\s+(?:avez\s+été|êtes)\s+bloqué|\bpas\s+un\s+robot\b|\bvérifi(?:ez|cation)\b.*\bhumain\b",
    r"\bacceso\s+(?:denegado|bloqueado|restringido)\b|\bno\s+(?:eres|soy)\s+un\s+robot\b|\bdemasiadas\s+(?:solicitudes|peticiones)\b|\bverific(?:a|ar|amos)\b.*\bhumano\b",
    r"\baccesso\s+(?:negato|bloccato|non\s+consentito)\b|\bnon\s+sono\s+un\s+robot\b|\btroppe\s+richieste\b|\bacesso\s+(?:negado|bloqueado|restrito)\b|\bnão\s+sou\s+um\s+robô\b|\bmuitas\s+(?:solicitações|requisições)\b|\btrop\s+de\s+requêtes\b|\bzu\s+viele\s+anfragen\b",
    # a request held up, and the traffic that caused it (de, fr, es, it, pt)
    r"\b(?:anfrage|zugriff|zugang|accès|requête|demande|solicitud|petición|richiesta|solicitação|requisição)\b[^.!?]{0,50}\b(?:blockiert|gesperrt|angehalten|bloquée?|refusée?|bloquead[oa]|denegad[oa]|bloccat[oa])\b",
    r"\bungewöhnliche[rn]?\s+(?:datenverkehr|aktivität|zugriffe?)\b|\b(?:activité|trafic)\s+inhabituel(?:le)?\b|\b(?:tráfico|actividad)\s+(?:inusual|sospechos[oa])\b|\b(?:traffico|attività)\s+(?:insolit[oa]|anomal[oa]|sospett[oa])\b|\b(?:tráfego|atividade)\s+(?:incomum|suspeit[oa]|anormal)\b",
    r"\bbestätigen\s+sie,?\s+dass\s+sie\s+(?:ein\s+)?mensch\b|\bpourquoi\s+(?:suis-je|ai-je\s+été)\s+bloqué|\bverificación\b[^.!?]{0,30}\bcontinuar\b",
    r"^(?:referenz|référence|referencia|riferimento|referência)(?:\s*-?\s*(?:id|nr\.?|n°|#))?\s*:\s*[\w.-]+$",
    # a human check or refused access in Dutch, Swedish, Danish, Norwegian and Polish
    r"\b(?:controleren|bevestig|bevestigen)\b[^.!?]{0,40}\bmens\b|\bgeen\s+robot\b|\btoegang\s+geweigerd\b"
    r"|\binte\s+en\s+robot\b|\bverifiera\b[^.!?]{0,30}\bmänniska\b|\båtkomst\s+nekad\b"
    r"|\bikke\s+en\s+robot\b|\badgang\s+nægtet\b|\btilgang\s+nektet\b|\bbekr(?:æ|e)ft\b[^.!?]{0,30}\bmenneske\b"
    r"|\bnie\s+jestem\s+robotem\b|\bjesteś\s+człowiekiem\b|\bdostęp\s+(?:zabroniony|zablokowany|odmówiony)\b",
]

# For each expression above, in order: substrings of which it cannot match without one
# ("" = no cheap test: anchored or short; "CODE" = a 4xx/5xx status code).  A line runs only
# the expressions its text allows -- the same answers as one joined expression, for a
# fraction of its cost on the prose lines whose common words pass the set test below.
_ERROR_GATES: Final = [
    "CODE", "error fehler erreur", "found", "found", "exist found available work", "available",
    "removed deleted moved taken archived renamed unpublished", "looking searching",
    "requested", "find locate", "", "exist", "", "wrong",
    "error unavailable gateway maintenance available", "link", "link", "page", "rejected",
    "found", "", "mistyped misspelled", "moved changed removed deleted expired", "", "lost",
    "try", "try", "encountered experienced", "unable", "expired", "database",
    "gefunden", "nicht", "nicht", "seite", "seite", "fehler",
    "page", "existe introuvable disponible", "page", "erreur", "trouv",
    "página", "encontra existe disponible", "página", "existe disponible", "error",
    "=pagina", "=esiste disponibile trovata trovato", "=pagina", "=errore",
    "=página", "=encontrado encontrada existe disponível", "=página", "=erro",
    "=verschoben gelöscht entfernt supprimée supprimé supprimés supprimées déplacée déplacé retirée"
    " retiré movida movido eliminada eliminado borrada borrado retirada retirado rimossa rimosso"
    " spostata spostato cancellata cancellato eliminata eliminato removida removido excluída"
    " excluído apagada apagado",
    "=startseite accueil portada inicio início inicial principale iniziale home homepage",
    "=after",
    "=überprüfen prüfen vérifiez comprueba compruebe revisa controlla verifique verifica",
    "=unavailable offline", "=maintenance", "=load loaded", "=occurred occured", "=broken",
    "=wartungsarbeiten wartungsmodus vorübergehend", "=indisponible inaccessible maintenance",
    "=disponible mantenimiento", "=disponibile manutenzione", "=indisponível manutenção",
    "=aufgetreten versuchen startseite revenir retourner retour réessayez réessayer déplacée"
    " supprimée volver regresar vuelve inténtalo torna tornare riprova riprovare voltar tente",
    "=online accessible erreichbar", "=http", "=cached", "=schief schiefgelaufen schiefgegangen",
    "=long", "=connection saved", "=end side",
    "=pagina artikel iets probeer ga", "=sidan något försök till", "=siden fant fejl noe prøv gå",
    "=strony strona wystąpił coś spróbuj wróć",
    "=stránka článek něco došlo zkuste zpět omlouváme", "=pagina apărut încercați încearcă înapoi rău",
    "=sayfa sayfaya hata deneyin üzgünüz", "=sivua sivu jokin tapahtui yritä palaa pahoittelemme",
    "=oldal hiba próbálja vissza sajnáljuk", "=halaman terjadi silakan coba kembali maaf",
    "=страница страницы сторінку сторінка что щось попробуйте спробуйте произошла сталася вернуться"
    " повернутися",
    "=σελίδα κάτι δοκιμάστε παρουσιάστηκε επιστροφή", "=الصفحة حدث يرجى الرجاء العودة",
    "页面 頁面 网页 網頁 出错 错误 稍后 返回首页 抱歉", "ページ 存在 エラー お試し 申し訳", "페이지 오류 시도 홈으로 죄송",
]
_BLOCKED_GATES: Final = [
    "denied", "blocked", "robot human bot", "human robot", "robot", "checking", "", "checking",
    "", "cookies", "security", "cloudflare incapsula imperva akamai perimeterx datadome ddos sucuri",
    "ray", "unusual", "captcha", "requests", "limit", "forbidden", "check verification validation",
    "check", "resolve", "permission authori access", "", "blocked", "security", "pardon", "hold",
    "attention", "automated suspicious", "detect protection", "request connection", "ip", "owner",
    "zugriff zugang roboter sicherheitsüberprüfung", "accès bloqué robot humain",
    "acceso robot demasiadas humano",
    "=accesso robot troppe acesso robô muitas trop viele",
    "=blockiert gesperrt angehalten bloqué bloquée refusé refusée bloqueado bloqueada denegado"
    " denegada bloccato bloccata",
    "=ungewöhnliche ungewöhnlicher ungewöhnlichen inhabituel inhabituelle inusual sospechoso"
    " sospechosa insolito insolita anomalo anomala sospetto sospetta incomum suspeito suspeita anormal",
    "=mensch bloqué verificación",
    "=referenz référence referencia riferimento referência",
    "=controleren bevestig bevestigen robot toegang verifiera åtkomst adgang tilgang bekræft"
    " bekreft robotem jesteś dostęp",
]


# A gate: substrings of the line, or, written "=word word …", words of the line (tested
# against its tokens: a few dozen inflected forms cost one set test where as many substring
# scans would cost a pass each).


_Alts = tuple[
    list[tuple[tuple[str, ...], re.Pattern[str]]],
    list[tuple[frozenset[str], re.Pattern[str]]],
    frozenset[str],  # the words of all word gates (one pass over a line's words skips them all)
]


def _gated(patterns: list[str], gates: list[str]) -> _Alts:
    """(gate, expression) pairs, those gated by substrings and those gated by words apart.
    The expressions that share a gate are joined into one: only whether any of them matches
    is asked, and one search costs less than several."""
    assert len(patterns) == len(gates), "one gate per expression"
    groups: dict[str, list[str]] = {}
    for p, g in zip(patterns, gates, strict=True):
        groups.setdefault(g, []).append(p)
    joined = {g: re.compile("|".join(f"(?:{p})" for p in ps)) for g, ps in groups.items()}
    by_words = [(frozenset(g[1:].split()), rx) for g, rx in joined.items() if g.startswith("=")]
    return (
        [(tuple(g.split()), rx) for g, rx in joined.items() if not g.startswith("=")],
        by_words,
        frozenset().union(*(w for w, _ in by_words)),
    )


_ERROR_ALTS: Final = _gated(_ERROR, _ERROR_GATES)
_BLOCKED_ALTS: Final = _gated(_BLOCKED, _BLOCKED_GATES)


def _search_gated(alts: _Alts, norm: str, toks: list[str]) -> bool:
    by_text, by_words, any_words = alts
    if not any_words.isdisjoint(toks):
        for words, rx in by_words:
            if not words.isdisjoint(toks) and rx.search(norm):
                return True
    code: bool | None = None
    for gate, rx in by_text:
        if gate:
            if gate[0] == "CODE":
                if code is None:
                    code = _CODE.search(norm) is not None
                if not code:
                    continue
            else:
                # (a loop, not any() over a generator: this runs once per expression)
                for g in gate:
                    if g in norm:
                        break
                else:
                    continue
        if rx.search(norm):
            return True
    return False


# Every pattern above needs one of these words (or a 4xx/5xx code): a set test is far cheaper
# than the expressions, and almost every prose line fails it.
_ERROR_WORDS: Final = frozenset(
    """error errors errores fehler mistyped misspelled lost moved erreur found gefunden trouvée encontrada encontrado exist exists
    existe existiert available disponible verfügbar erreichbar vorhanden indisponible removed
    deleted moved archived renamed unpublished taken looking searching requested find locate
    sorry oops whoops uh hmm hmmm hoppla huch ups oups oh siento sentimos désolé entschuldigung leid
    perdón wrong server unavailable gateway maintenance broken dead link homepage home front
    frontpage start startpage main rejected nothing try seite angeforderte gesuchte aufgerufene
    aufgetreten introuvable inexistante página ocurrido produjo trouvons trouver gibt non
    encountered experienced unable expired database vaya zut mince aïe ay uy ops
    errore erro pagina trovata trovato esiste disponibile inesistente verificato spiacenti
    dispiace desculpe lamentamos opa encontrada encontrado disponível inexistente ocorreu houve
    verschoben gelöscht entfernt supprimée supprimé supprimés supprimées déplacée déplacé retirée
    retiré movida movido eliminada eliminado borrada borrado retirada retirado rimossa rimosso
    spostata spostato cancellata cancellato eliminata eliminato removida removido excluída
    excluído apagada apagado startseite accueil portada inicio início inicial principale
    iniziale überprüfen prüfen vérifiez comprueba compruebe revisa controlla verifique verifica
    offline load loaded occurred occured wartungsarbeiten wartungsmodus vorübergehend
    inaccessible mantenimiento disponibile manutenzione indisponível manutenção versuchen
    revenir retourner retour réessayez réessayer déplacée supprimée volver regresar vuelve
    inténtalo torna tornare riprova riprovare voltar tente online accessible http cached schief
    schiefgelaufen schiefgegangen long connection saved end side pagina artikel iets probeer ga
    sidan något försök till siden fant fejl noe prøv gå strony strona wystąpił coś spróbuj
    wróć stránka článek něco došlo zkuste zpět omlouváme apărut încercați încearcă înapoi rău
    sayfa sayfaya hata deneyin üzgünüz sivua sivu jokin tapahtui yritä palaa pahoittelemme oldal
    hiba próbálja vissza sajnáljuk halaman terjadi silakan coba kembali maaf страница страницы
    сторінку сторінка что щось попробуйте спробуйте произошла сталася вернуться повернутися
    σελίδα κάτι δοκιμάστε παρουσιάστηκε επιστροφή الصفحة حدث يرجى الرجاء العودة""".split()
)
_BLOCKED_WORDS: Final = frozenset(
    """permission authorization authorisation allowed rights lack reference access denied blocked robot human bot verify verifying checking moment javascript security
    cloudflare incapsula imperva akamai perimeterx datadome ddos sucuri ray unusual captcha
    recaptcha requests rate ratelimit limited forbidden check verification validation resolve
    website pardon hold attention automated suspicious connection request ip owner zugriff
    zugang roboter sicherheitsüberprüfung accès bloqué bloquée refusé interdit humain acceso
    denegado bloqueado restringido humano demasiadas accesso negato bloccato robô acesso negado
    troppe muitas trop viele blockiert gesperrt angehalten bloquée refusé refusée bloqueada
    denegada bloccata bloqueado ungewöhnliche ungewöhnlicher ungewöhnlichen inhabituel
    inhabituelle inusual sospechoso sospechosa insolito insolita anomalo anomala sospetto sospetta
    incomum suspeito suspeita anormal mensch verificación referenz référence referencia riferimento
    referência controleren bevestig bevestigen toegang verifiera åtkomst adgang tilgang bekræft
    bekreft robotem jesteś dostęp""".split()
)


# r"\b[45]\d\d\b" with the digit first, so that a search skips straight to the 4s and 5s;
# the lookbehind is the opening \b (before a digit, a boundary means no word character)
_CODE: Final = re.compile(r"[45](?<!\w[45])\d\d\b")


def classify(norm: str, words: int, toks: list[str] | None = None) -> str | None:
    """'blocked', 'error' or None for one normalised line."""
    if words > MAX_WORDS or not norm or len(norm) > MAX_CHARS:
        return None
    if toks is None:
        toks = tokens(norm)
    if not _BLOCKED_WORDS.isdisjoint(toks) and _search_gated(_BLOCKED_ALTS, norm, toks):
        return "blocked"
    if (
        not _ERROR_WORDS.isdisjoint(toks)
        or ("4" in norm or "5" in norm) and _CODE.search(norm) is not None
        or norm.endswith((" after", " after.", " after!"))  # ("… what you were after.")
        # (Chinese, Japanese, Korean: no spaced words to look up, their substrings are read)
        or not norm.isascii() and max(norm) >= "\u3000"
    ) and _search_gated(
        _ERROR_ALTS, norm, toks
    ):
        return "error"
    return None



# A site's notice about itself -- its server, the reader's browser, a player, loading --
# rather than about the story: "Our servers are busy, some features may not work", "This
# video is unavailable in your region", "Es ist ein Fehler aufgetreten, bitte später erneut
# versuchen".  No list of such sentences can be complete, so the family is read from its
# vocabulary: a short line made largely of words about the page's machinery, with at least one
# that a news story almost never uses (resolve then also asks that the article's own prose
# holds none of those: a story about an outage uses them).
NOTICE_WORDS: Final = 20
_SYSTEM_STRONG: Final = frozenset(
    """browser browsers javascript server servers reload reloading refresh refreshing loading
    unavailable maintenance outage error errors displayed playback enable enabled disabled
    outdated offline timeout plugin plug-in cache cached interruption
    navigateur serveur serveurs chargement recharger rechargez actualiser actualisez
    indisponible erreur affiché affichée connexion
    fehler wartung wartungsarbeiten angezeigt aktivieren deaktiviert verbindung laden geladen
    navegador servidor servidores cargar cargando recargar recargue mantenimiento desactivado
    conexión
    caricamento caricare ricarica ricaricare errore manutenzione visualizzato visualizzare
    connessione disattivato
    carregar carregando recarregar erro manutenção exibido desativado conexão""".split()
)
_SYSTEM_WEAK: Final = frozenset(
    """page pages content video videos region country site website app version update
    features feature try again later currently temporarily technical difficulties problem
    problems issue issues sorry oops experiencing traffic request requests network support
    service unexpected response returned down shortly
    supported working work correctly properly please moment unable available load display
    seite inhalt inhalte später erneut versuchen bitte vorübergehend technische probleme
    problem aktuell momentan leider aufgetreten neu
    contenu vidéo région réessayer réessayez tard veuillez temporairement technique problème
    actuellement désolé disponible
    página contenido vídeo región intente intentar intentarlo inténtalo inténtelo tarde temporalmente técnico
    problema actualmente disculpe disponible
    pagina contenuto regione riprova riprovare tardi temporaneamente tecnico problema
    attualmente disponibile
    conteúdo região tente novamente tarde temporariamente técnico problema atualmente
    disponível""".split()
)


def notice(toks: list[str]) -> frozenset[str] | None:
    """The strong words of a short line worded as a notice about the page itself (None: it
    is no such line): one word or more about the machinery no story uses, and such words
    three or more and three in ten of the line's words at least (text_view.dense_in)."""
    return dense_in(toks, _SYSTEM_STRONG, _SYSTEM_WEAK, NOTICE_WORDS)
