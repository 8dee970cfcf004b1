"""Login walls: a page that shows no article, only a prompt to sign in or subscribe to read it.

A crawler that is not signed in gets the headline, a prompt ("Sign in to continue reading",
"Connectez-vous pour lire la suite") and the sign-in form's fields ("Email", "Password",
"Forgot your password?"): the article was not given, its access was refused -- a `blocked`
page, as an access-denied one is.  Read by vocabulary, never by a phrase: the prompts are
`offer_prompt`'s lines (the subscription's and the account's words), the fields a closed class
of the form's words in six languages.  An article that ends on such a prompt (a paywall's
visible part, a "Sign in to comment" under the story) keeps a line of its own, so it is no wall.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Final

from ..text_view import Line
from .boilerplate import OFFER_WORDS, offer_prompt

WALL_LINES: Final = 8  # a wall's prompt and form are no more lines than this
FIELD_WORDS: Final = 6  # a form's field or link is this short

# The sign-in form's own words: its fields, its links and the words around them.
_FORM_WORDS: Final = frozenset(
    """email e mail address password username user name remember me forgot forgotten your
    you my account create sign log in up with or google facebook apple microsoft continue
    don t have an a no not yet register new here now
    adresse courriel mot de passe identifiant oublié votre vous compte créer se connecter
    avec ou pas encore inscrire inscription
    passwort kennwort benutzername benutzer adresse vergessen ihr ihre konto erstellen
    anmelden mit oder noch kein keine registrieren angemeldet bleiben
    correo electrónico electronico contraseña usuario olvidaste olvidó tu su cuenta crear
    iniciar inicia sesión con o no tienes aún registrarse recordarme
    nome utente dimenticato accedi ricordami crea indirizzo
    senha usuário esqueceu lembrar entrar""".split()
)
# ... and a prompt that asks it in order to read: the article itself is behind the wall
_READING: Final = frozenset(
    """read reading continue keep view access article story content full rest
    lesen weiterlesen weiterzulesen weiter artikel beitrag zugang inhalt vollständigen
    lire lecture suite article accéder contenu continuer intégralité
    leer leyendo seguir artículo acceder contenido completo
    leggere continuare articolo accedere contenuto
    ler continuar artigo acessar conteúdo""".split()
)


def _field(ln: Line) -> bool:
    """A short line made of the sign-in form's words only ("Email", "Forgot your password?")."""
    toks = ln.toks
    return bool(toks) and ln.words <= FIELD_WORDS and all(t in _FORM_WORDS for t in toks)


def login_wall(lines: list[Line], prompts: Container[int] = ()) -> bool:
    """Are `lines` (a record's lines but its headline) a login wall's: prompts to sign in or
    subscribe and the form's fields, nothing else, one prompt asking it to read?  `prompts`:
    the indexes of lines a family already named a wall's prompt."""
    if not lines or len(lines) > WALL_LINES:
        return False
    reading = False
    for ln in lines:
        if ln.words > OFFER_WORDS:
            return False
        if ln.index in prompts or offer_prompt(ln.toks, ln.text) is not None:
            reading = reading or not _READING.isdisjoint(ln.toks)
        elif not _field(ln):
            return False
    return reading
