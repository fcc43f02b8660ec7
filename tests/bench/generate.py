#!/usr/bin/env python3
"""Writes a synthetic spark workspace of N records for benchmarks, plus an equivalent ledger
journal with one transaction per record.

    generate.py N OUT_DIR [--ledger PATH] [--seed S]

Deterministic: the same N and seed give the same bytes on every machine (no clock, no hash
order). The files are byte-for-byte what spark itself writes (lib/record_writer.cpp,
lib/toml_writer.cpp): same key order, same quoting, bodies as \"\"\" strings, ids
<date>-<slug>-<suffix> with spark's slug rules. The mix:

- ~5 % people: a core of four with role spark (staff), the rest invited by someone who was
  there before them (chains of many generations), groups mixed inside and outside;
- ~10 % meetings with 3-15 attendees, questions, dilemmas, outcomes and follow-ups;
- ~85 % entries of all six kinds (most matches carry an effect);

spread over 2021-01-04 .. 2026-11-28 with more activity in later years. Every referenced
person exists and nobody takes part before their 'since', so `spark check` reports nothing.
"""

import argparse
import bisect
import datetime
import os
import random
import sys

# --------------------------------------------------------------------------------------------
# spark's file format (ports of lib/text.cpp slugify and lib/toml_writer.cpp)

_LATIN1 = "aaaaaa_ceeeeiiiidnooooo_ouuuuy__" "aaaaaa_ceeeeiiiidnooooo_ouuuuy_y"
_EXTENDED_A = ("aaaaaaccccccccddddeeeeeeeeeegggggggg" "hhhhiiiiiiiiii__jjkkklllllllllln"
               "nnnnnnnnoooooo__rrrrrrsssssssstttttt" "uuuuuuuuuuuuwwyyyzzzzzzs")
_LIGATURES = {0xC6: "ae", 0xE6: "ae", 0xDE: "th", 0xFE: "th", 0xDF: "ss", 0x132: "ij",
              0x133: "ij", 0x152: "oe", 0x153: "oe"}
assert len(_LATIN1) == 64 and len(_EXTENDED_A) == 128


def _ascii_for(cp):
    if cp in _LIGATURES:
        return _LIGATURES[cp]
    if 0xC0 <= cp <= 0xFF and _LATIN1[cp - 0xC0] != "_":
        return _LATIN1[cp - 0xC0]
    if 0x100 <= cp <= 0x17F and _EXTENDED_A[cp - 0x100] != "_":
        return _EXTENDED_A[cp - 0x100]
    return ""


def slugify(text, max_length=50):
    slug = ""
    pending_hyphen = False
    for ch in text:
        cp = ord(ch)
        if cp < 0x80:
            piece = ch.lower() if "A" <= ch <= "Z" else ch
        else:
            piece = _ascii_for(cp)
        if 0x300 <= cp <= 0x36F or cp in (0x27, 0x2018, 0x2019):
            continue
        if not piece or not all("a" <= c <= "z" or "0" <= c <= "9" for c in piece):
            pending_hyphen = slug != ""
            continue
        if pending_hyphen:
            slug += "-"
            pending_hyphen = False
        slug += piece
    if len(slug) > max_length:
        cut = slug.rfind("-", 0, max_length + 1)
        slug = slug[:max_length] if cut in (-1, 0) else slug[:cut]
    return slug.rstrip("-")


_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _control(ch):
    return _ESCAPES.get(ch, "\\u%04X" % ord(ch))


def _is_control(ch):
    return ord(ch) < 0x20 or ord(ch) == 0x7F


def basic(value):
    out = ['"']
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif _is_control(ch):
            out.append(_control(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def multiline(value):
    out = ['"""\n']
    for i, ch in enumerate(value):
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            last = i + 1 == len(value)
            out.append('\\"' if last or value[i + 1] == '"' else '"')
        elif ch in "\n\t":
            out.append(ch)
        elif _is_control(ch):
            out.append(_control(ch))
        else:
            out.append(ch)
    out.append('"""')
    return "".join(out)


class Toml:
    def __init__(self):
        self.parts = []

    def string(self, key, value):
        self.parts.append("%s = %s\n" % (key, basic(value)))

    def text(self, key, value):
        self.parts.append("%s = %s\n" % (key, multiline(value)))

    def date(self, key, value):
        self.parts.append("%s = %s\n" % (key, value.isoformat()))

    def boolean(self, key, value):
        self.parts.append("%s = %s\n" % (key, "true" if value else "false"))

    def inline_array(self, key, values):
        self.parts.append("%s = [%s]\n" % (key, ", ".join(basic(v) for v in values)))

    def list(self, key, values):
        if not values:
            self.inline_array(key, values)
            return
        self.parts.append("%s = [\n" % key)
        for v in values:
            self.parts.append("    %s,\n" % basic(v))
        self.parts.append("]\n")

    def table(self, name):
        self.parts.append("\n[%s]\n" % name)

    def bytes(self):
        return "".join(self.parts).encode("utf-8")


def emit_entry(e):
    w = Toml()
    w.date("date", e["date"])
    w.string("kind", e["kind"])
    w.string("title", e["title"])
    w.inline_array("people", e["people"])
    w.inline_array("tags", e["tags"])
    if e["effect"]:
        w.string("effect", e["effect"])
    if e["body"]:
        w.text("body", e["body"])
    return w.bytes()


def emit_meeting(m):
    w = Toml()
    w.date("date", m["date"])
    w.string("title", m["title"])
    w.string("setting", m["setting"])
    if m["place"]:
        w.string("place", m["place"])
    w.inline_array("attendees", m["attendees"])
    for key in ("questions", "dilemmas", "outcomes", "followups"):
        w.list(key, m[key])
    if m["body"]:
        w.text("body", m["body"])
    return w.bytes()


def emit_person(p):
    w = Toml()
    w.string("name", p["name"])
    if p["group"]:
        w.string("group", p["group"])
    w.inline_array("roles", p["roles"])
    if p["department"]:
        w.string("department", p["department"])
    if p["invited_by"]:
        w.string("invited_by", p["invited_by"])
    w.date("since", p["since"])
    w.boolean("public", p["public"])
    if p["note"]:
        w.text("note", p["note"])
    return w.bytes()


def emit_config(name, organisation, language, started):
    w = Toml()
    w.string("name", name)
    w.string("organisation", organisation)
    w.string("language", language)
    w.date("started", started)
    w.table("git")
    w.boolean("autocommit", False)
    return w.bytes()


SUFFIX_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # lib/ids.cpp

# --------------------------------------------------------------------------------------------
# Word lists (Dutch, fictional municipality)

FIRST_NAMES = """Anouk Ruben Samira Fatima Henk Kees Marloes Petra Lotte Daan Bart Ingrid Jeroen
Mirjam Noor Wim Yvonne Erik Gert-Jan Sanne Joris Femke Thijs Esther Bram Ilse Mohamed Youssef
Aylin Emre Sevda Priya Raj Sophie Lieke Tom Niels Marieke Hanneke Koen Jasper Eva Iris Floor
Maartje Rutger Hans Gerda Willem Annelies Dirk Tineke Wouter Roos Linda Sander Pieter Karin
Monique Ahmed Nadia Hatice Mustafa Lisa Julia Max Luuk Finn Tess Saskia Jolanda Frank Marco
Olga Bas Robin Charlotte Rik Job Menno Suzanne Wendy Ruud Astrid Bernard Chantal José Zoë
Chloë Noël Renée André Inés Björn Hélène Céline""".split()

INSERTIONS = ["", "", "", "", "", "de ", "van ", "van der ", "van den ", "van de ", "ter ", "el ",
              "de la ", "den "]

LAST_NAMES = """Verbeek Vermeulen Peeters Mulder Ouali Kuipers Schouten Bos Graaf Dijkman Jansen Brink
Boer Bakker Leeuwen Hoekstra Idrissi Koster Smit Visser Meijer Bruin Berg Dijk Vries Wit Laan
Hendriks Dekker Dijkstra Jacobs Vos Groot Postma Huisman Kok Prins Veenstra Kramer Willems
Linden Wolf Haan Scholten Hermans Koning Brouwer Maas Wijk Kaya Yilmaz Demir Çelik Öztürk
Benali Amrani Tahiri Ramdin Sewnath Ramcharan Nguyen Wong Lambrechts Heuvel Beek Sluis Molen
Kamp Veld Hoven Akker Poel Zwart Schipper Timmermans Bosman Evers Gerritsen Hofman Kloosten
Meulenbelt Oosterhuis Pauwels Reinders Stam Teunissen Verhoeven Wouters Zijlstra Çakır""".split()

DEPARTMENTS_INSIDE = ["Sociaal Domein", "Openbare Ruimte", "Vergunningen, Toezicht en Handhaving",
                      "Wijkzaken", "Communicatie", "Financiën", "Sociaal Team",
                      "Ruimtelijke Ordening", "Dienstverlening", "Informatievoorziening",
                      "Personeel en Organisatie", "Griffie", "Bestuursondersteuning",
                      "Economie en Werk", "Jeugd en Onderwijs", "Duurzaamheid"]

DEPARTMENTS_OUTSIDE = ["Bewonersvereniging Oosterpark", "Stichting De Kwekerij",
                       "Woningcorporatie Thuisbaas", "Welzijn Bergwaard", "Bibliotheek Bergwaard",
                       "Huisartsenpraktijk De Linde", "Energiecoöperatie Zonnewaard",
                       "Voedselbank Bergwaard", "Repair Café Molenwijk", "Buurthuis 't Anker",
                       "Ondernemersvereniging Centrum", "Scouting Bergwaard", ""]

WIJKEN = ["Oosterpark", "De Hoven", "Bergwaard-Noord", "Het Veld", "Molenwijk", "Kerkbuurt",
          "Schildersbuurt", "Bloemenbuurt", "De Vaart", "Zuiderhaven", "Lindenhof", "'t Zand"]

TOPICS = ["de buurtmoestuin", "het wijkbudget", "de vergunning voor het buurtfeest",
          "het speeltuintje aan de Esdoornlaan", "de AED in de Kerkbuurt", "de zwerfafvalactie",
          "het repair café", "de voedselbank", "de jongerenwerkplaats", "de groene schoolpleinen",
          "de energiecoöperatie", "de buurtbus", "de huiskamer in de bibliotheek",
          "het participatiebeleid", "de subsidieregeling", "het bewonersplatform",
          "het tiny forest", "de geveltuinen", "de buurtpreventie-app", "het ommetje voor ouderen",
          "het taalcafé", "de kledingbank", "de maaltijdservice", "de parkeerdruk bij de school",
          "de hondenuitlaatplaats", "de verlichting in het park", "de inloop voor mantelzorgers",
          "het buurtcompostproject", "de opknapbeurt van het buurthuis", "de straatspeeldag",
          "de wateroverlast in de Bloemenbuurt", "de klussendienst", "de bankjes op het plein",
          "de ideeënbus", "het café-overleg van vrijdag", "de omgevingsvisie", "het loket"]

TAGS = ["kernteam", "vergunningen", "de-kwekerij", "wijkbudget", "openbare-ruimte", "jeugd",
        "ouderen", "duurzaamheid", "inclusie", "communicatie", "leiderschap", "raad",
        "bewonersinitiatief", "sociaal-team", "dienstverlening", "regelruimte", "werkwijze",
        "samenwerking", "privacy", "financiën", "lindenhof", "molenwijk", "oosterpark"]

PLACES = ["Gemeentehuis, kantine 2e verdieping", "Buurthuis 't Anker", "Bibliotheek Bergwaard",
          "Repair Café Molenwijk", "Online (Teams)", "Wijkcentrum De Hoven",
          "Raadszaal", "Koffiehoek Openbare Ruimte", "Tuin van De Kwekerij", "Het Veld, schoolplein",
          "Café De Zwaan", ""]

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]

TITLES = {
    "spark": ["Koffie bij de automaat: {topic} kan anders",
              "{first} sluit aan bij de kern",
              "Eerste gesprek over {topic} in {wijk}",
              "Vonk in {dept}: we beginnen gewoon",
              "Met z'n vieren aan tafel over {topic}",
              "Een nieuwe kern in {wijk}"],
    "oxygen": ["{first} krijgt vier uur per week voor {topic}",
               "Directie geeft ruimte voor {topic}",
               "Mandaat om {topic} zonder formulier te regelen",
               "Teamleider {dept} zegt ja tegen een proef",
               "Gehoord in het MT: {topic}",
               "Eén loket voor {topic} mag als proef"],
    "match": ["Melding in plaats van vergunning voor {topic}",
              "Proef: {topic} binnen een week geregeld",
              "Zonder aanvraagformulier: {topic}",
              "Bewoners beslissen zelf over {topic}",
              "Eén contactpersoon voor {topic} in {wijk}",
              "Sneller antwoord op vragen over {topic}"],
    "fuel": ["Keukentafelgesprek met {first} over {topic}",
             "Initiatief uit {wijk}: {topic}",
             "Vraag van bewoners over {topic}",
             "Kans: landelijke regeling voor {topic}",
             "Werksituatie bij {dept}: {topic} loopt vast",
             "Contact met {org}"],
    "action": ["Formulier voor {topic} geschrapt",
               "{first} belt zelf terug over {topic}",
               "Buurtbudget voor {wijk} zonder aanvraag",
               "Werkbezoek {dept} in {wijk}",
               "Spreekuur over {topic} in {wijk}",
               "Checklist voor {topic} ingekort tot één A4",
               "Ideeën voor {topic} opgehaald op de markt"],
    "poker": ["{first} wordt aanjager binnen {dept}",
              "Wethouder stookt het vuur op rond {topic}",
              "Bondgenoot gevonden bij {org}",
              "{first} neemt collega's mee naar {wijk}",
              "Raadslid vraagt door over {topic}"],
}

MEETING_TITLES = ["Wijkkracht-lunch", "Open lunch over {topic}", "Intervisie: {topic}",
                  "Wijkavond {wijk}", "Keukentafelsessie in {wijk}", "Leerkring {dept}",
                  "Ronde tafel met {org}", "Werksessie {topic}", "Inspiratiesessie voor {dept}",
                  "Café-gesprek over {topic}"]

SENTENCES = [
    "{first} vertelde dat {topic} al maanden wacht op een antwoord van de gemeente.",
    "Niemand is tegen, maar het valt tussen {dept} en Wijkzaken in.",
    "We spraken af niet op een project te wachten maar zelf te beginnen in {wijk}.",
    "Bewoners uit {wijk} staan klaar om mee te doen; ze willen vooral weten waar ze aan toe zijn.",
    "De regels bleken minder streng dan gedacht: er zit ruimte in de uitvoering.",
    "{first} heeft uitgezocht welke stappen echt nodig zijn en welke uit gewoonte zijn ontstaan.",
    "Het verschil: geen leges, geen bezwaartermijn, en de buren konden meteen aan de slag.",
    "Op {weekday} komen we terug bij elkaar om te kijken wat het heeft opgeleverd.",
    "Bij {org} waren ze verrast dat de gemeente zelf belde in plaats van een brief te sturen.",
    "Het kostte {hours} uur werk, tegen de {weeks} weken die de gewone procedure vraagt.",
    "Niet iedereen in {dept} is enthousiast; er zijn zorgen over precedentwerking.",
    "We schrijven op wat we leren, zodat een volgende initiatiefnemer het makkelijker heeft.",
    "{first} wil graag meedenken over hoe we dit vaker zo kunnen doen.",
    "De vraag is nu wie eigenaar wordt als de proef voorbij is.",
    "Het gesprek ging eerst over geld, daarna over vertrouwen, en pas aan het eind over de regels.",
    "In het MT kwam de vraag of dit wel past binnen de kaders; het antwoord was een voorzichtig ja.",
    "{hours} buren kwamen opdagen, meer dan we hadden verwacht.",
    "Een café-achtige setting werkt beter dan een vergaderzaal: mensen zeggen eerder wat ze denken.",
    "Coördinatie tussen de afdelingen blijft lastig, maar de lijnen zijn korter geworden.",
    "Voor {topic} is nu één vast aanspreekpunt, en dat scheelt iedereen telefoontjes.",
]

EFFECTS = ["Doorlooptijd {days} dagen in plaats van de verwachte {weeks} weken.",
           "{hours} huishoudens doen mee; de tuin ging binnen een maand open.",
           "Klachten over {topic} daalden met {days} per kwartaal.",
           "Geen enkel formulier nodig; bewoners hadden binnen {days} dagen antwoord.",
           "Kosten {hours}00 euro lager dan begroot, en {days} vrijwilligers extra.",
           "Tevredenheid van de initiatiefnemers van 5 naar 8 (op 10)."]

QUESTIONS = ["Hoeveel ruimte hebben we zonder dat het een formeel project wordt?",
             "Wie moeten we als eerste meenemen, en wie liever nog even niet?",
             "Hoe houden we bewoners op de hoogte zonder nieuwe nieuwsbrief?",
             "Wat doen we als de raad vragen stelt over gelijke behandeling?",
             "Kan dit ook in andere wijken, of is {wijk} een uitzondering?",
             "Wie betaalt {topic} als de proef voorbij is?",
             "Hoe meten we of {topic} echt iets oplevert?"]

DILEMMAS = ["Werken we in werktijd aan iets dat nergens in de jaarplanning staat?",
            "Ruimte geven aan één initiatief voelt oneerlijk tegenover de rest van {wijk}.",
            "Snel handelen botst met zorgvuldigheid bij {topic}.",
            "Wat als een bewonersinitiatief iets wil dat tegen het beleid ingaat?",
            "Loyaal aan de leidinggevende of aan de bewoner die al maanden wacht?"]

OUTCOMES = ["{first} krijgt vier uur per week voor {topic}",
            "Elke maand een open lunch waar iedereen mag aanschuiven",
            "Proef met {topic} in {wijk} gaat door tot de zomer",
            "{dept} levert een vaste contactpersoon",
            "We nodigen de wethouder uit voor de volgende keer"]

FOLLOWUPS = ["{first} vraagt een gesprek aan met de directeur",
             "Nodig twee collega's van {dept} uit voor de volgende lunch",
             "Zoek uit of {topic} onder de kruimelregeling valt",
             "Stuur de raad een korte notitie over {topic}"]

NOTES = ["Werkt bij {dept} en kent {topic} van binnenuit.",
         "Kwam via {topic} in aanraking met Wijkkracht en bleef.",
         "Woont in {wijk}; trekker van {topic}.",
         "Kritisch, maar constructief: vraagt altijd naar het effect.",
         "Verbindt mensen in {wijk} met de juiste collega's in het gemeentehuis.",
         "Begon een eigen vonk bij {dept}."]

KINDS = ["spark", "oxygen", "match", "fuel", "action", "poker"]
KIND_WEIGHTS = [5, 15, 20, 20, 30, 10]

GROUPS = ["staff", "teamlead", "director", "executive", "council", "resident", "initiator",
          "partner"]
GROUP_WEIGHTS = [40, 10, 4, 2, 4, 20, 12, 8]
OUTSIDE = {"resident", "initiator", "partner"}

# Ledger account names, in Dutch.
KIND_ACCOUNT = {"spark": "Vuur:Vonken", "oxygen": "Vuur:Zuurstof", "match": "Vuur:Lucifers",
                "fuel": "Vuur:Brandstof", "action": "Vuur:Acties", "poker": "Vuur:Poken"}
GROUP_ACCOUNT = {"staff": "Medewerkers", "teamlead": "Teamleiders", "director": "Directie",
                 "executive": "Bestuur", "council": "Raad", "resident": "Bewoners",
                 "initiator": "Initiatiefnemers", "partner": "Partners"}
SETTING_ACCOUNT = {"internal": "Intern", "external": "Extern", "mixed": "Gemengd"}

START = datetime.date(2021, 1, 4)
END = datetime.date(2026, 11, 28)
SPAN = (END - START).days


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.ids = set()

    def suffix(self):
        return "".join(self.rng.choice(SUFFIX_ALPHABET) for _ in range(4))

    def unique_id(self, base):
        while True:
            candidate = base + "-" + self.suffix()
            if candidate not in self.ids:
                self.ids.add(candidate)
                return candidate

    def day(self):
        # More activity later: the fire grows.
        return START + datetime.timedelta(days=int(SPAN * (self.rng.random() ** 0.6)))

    def fill(self, template, first=None):
        r = self.rng
        return template.format(
            first=first or r.choice(FIRST_NAMES), topic=r.choice(TOPICS), wijk=r.choice(WIJKEN),
            dept=r.choice(DEPARTMENTS_INSIDE), org=r.choice(DEPARTMENTS_OUTSIDE[:-1]),
            weekday=r.choice(WEEKDAYS), hours=r.randint(3, 40), days=r.randint(2, 20),
            weeks=r.randint(6, 26))

    def capitalised(self, template):
        text = self.fill(template)
        return text[0].upper() + text[1:]

    def body(self, paragraphs=2):
        parts = []
        for _ in range(paragraphs):
            count = self.rng.randint(2, 3)
            parts.append(" ".join(self.fill(s) for s in self.rng.sample(SENTENCES, count)))
        return "\n\n".join(parts)

    # People ---------------------------------------------------------------------------------

    def people(self, count):
        count = max(count, 6)
        names = set()
        days = sorted(self.day() for _ in range(count - 4))
        people = []
        for i in range(count):
            while True:
                name = "%s %s%s" % (self.rng.choice(FIRST_NAMES), self.rng.choice(INSERTIONS),
                                    self.rng.choice(LAST_NAMES))
                key = slugify(name)  # spark warns about equal names (folded); keep them apart
                if key not in names:
                    names.add(key)
                    break
            core = i < 4
            group = "staff" if core else self.rng.choices(GROUPS, GROUP_WEIGHTS)[0]
            roles = ["spark"] if core else []
            if not core:
                for role, share in (("poker", 0.08), ("critic", 0.06), ("innovator", 0.06)):
                    if self.rng.random() < share:
                        roles.append(role)
            inside = group not in OUTSIDE
            department = (self.rng.choice(DEPARTMENTS_INSIDE) if inside
                          else self.rng.choice(DEPARTMENTS_OUTSIDE))
            invited_by = ""
            if not core:
                # Mostly someone who joined shortly before (long chains), sometimes anyone.
                j = (self.rng.randrange(max(0, i - 25), i) if self.rng.random() < 0.7
                     else self.rng.randrange(0, i))
                invited_by = people[j]["id"]
            first = name.split(" ")[0]
            people.append({
                "id": self.unique_id(slugify(name) or "person"),
                "name": name, "group": group, "roles": roles, "department": department,
                "invited_by": invited_by, "since": START if core else days[i - 4],
                "public": self.rng.random() < (0.6 if inside else 0.2),
                "note": " ".join(self.fill(t, first) for t in self.rng.sample(NOTES, 2)),
            })
        return people

    def pick_people(self, people, since_days, date, low, high):
        eligible = bisect.bisect_right(since_days, date)  # people whose 'since' <= date
        count = min(self.rng.randint(low, high), eligible)
        chosen = []
        while len(chosen) < count:
            if self.rng.random() < 0.6:  # mostly people who joined recently
                k = eligible - 1 - min(eligible - 1, int(self.rng.expovariate(1 / 40)))
            else:
                k = self.rng.randrange(eligible)
            pid = people[k]["id"]
            if pid not in chosen:
                chosen.append(pid)
        return chosen

    # Entries and meetings -------------------------------------------------------------------

    def entry(self, people, since_days):
        date = self.day()
        kind = self.rng.choices(KINDS, KIND_WEIGHTS)[0]
        title = self.capitalised(self.rng.choice(TITLES[kind]))
        ids = [] if self.rng.random() < 0.05 else self.pick_people(people, since_days, date, 1, 4)
        tags = self.rng.sample(TAGS, self.rng.choice([0, 1, 1, 2, 2, 3]))
        effect = (self.fill(self.rng.choice(EFFECTS))
                  if kind == "match" and self.rng.random() < 0.8 else "")
        return {"type": "entry", "date": date, "kind": kind, "title": title, "people": ids,
                "tags": tags, "effect": effect, "body": self.body(),
                "id": self.unique_id(date.isoformat() + "-" + (slugify(title) or "entry"))}

    def meeting(self, people, since_days):
        date = self.day()
        title = self.capitalised(self.rng.choice(MEETING_TITLES))
        r = self.rng

        def some(templates, low, high):
            return [self.fill(t) for t in r.sample(templates, r.randint(low, high))]

        return {"type": "meeting", "date": date, "title": title,
                "setting": r.choices(["internal", "external", "mixed"], [5, 2, 3])[0],
                "place": r.choice(PLACES),
                "attendees": self.pick_people(people, since_days, date, 3, 15),
                "questions": some(QUESTIONS, 0, 3), "dilemmas": some(DILEMMAS, 0, 2),
                "outcomes": some(OUTCOMES, 0, 3), "followups": some(FOLLOWUPS, 0, 2),
                "body": self.body(r.randint(1, 2)),
                "id": self.unique_id(date.isoformat() + "-" + (slugify(title) or "meeting"))}


# --------------------------------------------------------------------------------------------
# Ledger journal: one transaction per record, a couple of postings each.

def ledger_transactions(records, people_by_id, rng):
    def group_of(pid):
        return GROUP_ACCOUNT[people_by_id[pid]["group"]]

    out = []
    for rec in records:
        date = (rec["since"] if rec["type"] == "person" else rec["date"]).strftime("%Y/%m/%d")
        if rec["type"] == "person":
            amount = rng.randint(10, 90) * 500
            postings = [("Netwerk:" + GROUP_ACCOUNT[rec["group"]], amount),
                        ("Budget:Participatie", -amount)]
            payee = rec["name"]
        else:
            ids = rec["people"] if rec["type"] == "entry" else rec["attendees"]
            account = (KIND_ACCOUNT[rec["kind"]] if rec["type"] == "entry"
                       else "Ontmoetingen:" + SETTING_ACCOUNT[rec["setting"]])
            amount = rng.randint(4, 400) * 250
            postings = [(account, amount)]
            groups = sorted({group_of(p) for p in ids})[:2] or ["Onbekend"]
            share = amount // len(groups)
            for k, g in enumerate(groups):
                value = share if k + 1 < len(groups) else amount - share * (len(groups) - 1)
                postings.append(("Mensen:" + g, -value))
            payee = rec["title"]
        lines = ["%s %s" % (date, payee)]
        for account, cents in postings:
            lines.append("    %-40s %12s EUR" % (account, "%d.%02d" % divmod(cents, 100)
                                                   if cents >= 0 else
                                                   "-%d.%02d" % divmod(-cents, 100)))
        out.append("\n".join(lines) + "\n")
    return out


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of records (people + entries + meetings)")
    parser.add_argument("out_dir", help="workspace folder to create (must not exist or be empty)")
    parser.add_argument("--ledger", help="journal path (default: OUT_DIR.ledger)")
    parser.add_argument("--seed", type=int, default=20261129)
    args = parser.parse_args(argv)
    if args.n < 10:
        parser.error("N must be at least 10")
    out = os.path.abspath(args.out_dir)
    if os.path.exists(out) and os.listdir(out):
        parser.error("%s exists and is not empty" % out)
    ledger_path = args.ledger or out.rstrip("/") + ".ledger"

    gen = Generator(args.seed)
    n_people = max(6, round(args.n * 0.05))
    n_meetings = round(args.n * 0.10)
    n_entries = args.n - n_people - n_meetings
    people = gen.people(n_people)
    since_days = [p["since"] for p in people]
    records = []
    total = n_entries + n_meetings
    for i in range(total):
        # Meetings spread evenly through the stream of entries.
        if (i + 1) * n_meetings // total > i * n_meetings // total:
            records.append(gen.meeting(people, since_days))
        else:
            records.append(gen.entry(people, since_days))

    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "spark.toml"),
          emit_config("Wijkkracht Bergwaard (benchmark)", "Gemeente Bergwaard", "nl", START))
    write(os.path.join(out, ".gitignore"),
          b"# spark's derived cache; rebuilt when missing\n.spark/\n")
    os.makedirs(os.path.join(out, "people"), exist_ok=True)
    for p in people:
        p["type"] = "person"
        write(os.path.join(out, "people", p["id"] + ".toml"), emit_person(p))
    made = set()
    for rec in records:
        top = "log" if rec["type"] == "entry" else "meetings"
        folder = os.path.join(out, top, "%04d" % rec["date"].year)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        data = emit_entry(rec) if rec["type"] == "entry" else emit_meeting(rec)
        write(os.path.join(folder, rec["id"] + ".toml"), data)

    people_by_id = {p["id"]: p for p in people}
    everything = people + records
    everything.sort(key=lambda r: (r["since"] if r["type"] == "person" else r["date"], r["id"]))
    with open(ledger_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("; spark benchmark journal: one transaction per record (generate.py %d, seed %d)\n\n" % (args.n, args.seed))
        f.write("\n".join(ledger_transactions(everything, people_by_id, random.Random(args.seed))))
    print("%s: %d people, %d entries, %d meetings; journal %s" % (
        out, len(people), n_entries, n_meetings, ledger_path))


if __name__ == "__main__":
    main(sys.argv[1:])
