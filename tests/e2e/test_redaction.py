"""Redaction is never weakened: the name of a person who is not shown by name (outside the
organisation and not public, or forgotten) is hidden in every everyday form it takes in free
text, in every output that can leave the workspace.

NAME_FORMS is the table of forms; OUTPUTS the outputs it runs on. To cover a new output
(another report format), add one line to OUTPUTS."""

import datetime
import re
import unicodedata

import sparktest
from sparktest import SparkTestCase

# The people of the workspace: hidden residents, initiators and partners, and one colleague
# from inside who is shown by name.
HIDDEN = {
    "Fatima Ouali": "resident",
    "Fatima Bakker": "resident",  # shares her first name with another hidden person
    "Jeroen de Vries": "initiator",
    "José Álvarez": "partner",
    "Karim El Idrissi": "resident",
}
SHOWN = {"Jan Smit": "staff"}

# Words that give a hidden person away, looked for in folded output (see folded()).
GIVEAWAYS = ["fatima", "ouali", "bakker", "jeroen", "vries", "jose", "alvarez", "karim",
             "idrissi"]

# (what the form is, the text); "{id:NAME}" stands for that person's id.
NAME_FORMS = [
    ("full name", "Moestuin met Fatima Ouali"),
    ("lower case", "moestuin met fatima ouali"),
    ("upper case", "MOESTUIN MET FATIMA OUALI"),
    ("possessive 's", "Fatima Ouali's moestuin"),
    ("possessive ’s", "Ouali’s voorstel voor de buurt"),
    ("Dutch possessive -s", "Jeroens fiets staat bij het gemeentehuis"),
    ("Dutch possessive -s on a surname", "De buurman van Fatima Oualis moestuin"),
    ("joined with hyphens", "Fatima-Ouali-overleg"),
    ("joined with underscores", "notulen_Fatima_Ouali_def"),
    ("written together", "Bericht van FatimaOuali"),
    ("no-break space", "Gesprek met Fatima\u00a0Ouali"),
    ("narrow no-break space", "Gesprek met Fatima\u202fOuali"),
    ("soft hyphen between the names", "Gesprek met Fatima\u00adOuali"),
    ("soft hyphens inside the names", "Gesprek met Fa\u00adtima Ou\u00adali"),
    ("zero-width space", "Gesprek met Fatima\u200bOuali"),
    ("two spaces", "Gesprek met Fatima  Ouali"),
    ("line break", "Gesprek met Fatima\nOuali"),
    ("full-width letters (NFKC)", "Gesprek met \uff26\uff41\uff54\uff49\uff4d\uff41 Ouali"),
    ("accents left out", "Koffie met Jose Alvarez"),
    ("accents decomposed (NFD)", "Koffie met Jose\u0301 A\u0301lvarez"),
    ("surname alone", "Álvarez belde terug"),
    ("surname with its particle", "De Vries belde terug"),
    ("particle in lower case", "Brief aan de heer de Vries"),
    ("surname without its particle", "Idrissi en de buren"),
    ("first name alone", "Karim kwam langs"),
    ("first name of two hidden people", "Fatima kwam langs"),
    ("the person's id", "Zie {id:Fatima Ouali}"),
    ("e-mail address", "Mail van fatima.ouali@example.org"),
    ("English possessive", "Fatima's garden is open again"),
    ("English, surname with particle", "Coffee with Mr de Vries"),
    ("English, first name", "Karim's bike was fixed"),
]

# Shown people stay named, also next to hidden ones.
CONTROL = "Jan Smit sprak met Karim El Idrissi"


def day(i):
    """The i-th day after the kick-off, before the pinned today (2026-03-01)."""
    return (datetime.date(2026, 1, 10) + datetime.timedelta(days=i)).isoformat()


def folded(text):
    """Text as a reader sees it: compatibility forms and accents folded, invisible
    characters and Markdown escapes removed, lower case."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text
                    if not unicodedata.combining(c)
                    and unicodedata.category(c) != "Cf")
    return text.replace("\\", "").casefold()


class RedactionTestCase(SparkTestCase):
    """Hidden people, one entry per name form (the newest last), and the outputs."""

    forget = False  # RedactionAfterForget: the hidden people are forgotten first

    def setUp(self):
        super().setUp()
        self.init()
        self.ids = {}
        for name, group in {**HIDDEN, **SHOWN}.items():
            self.ids[name] = self.add_person(name, "--group", group, "--since", "2026-01-01")
        # Everyone takes part, so the report lists them by label.
        self.log("actie", "Aftrap", "--date", "2026-01-02",
                 *[a for pid in self.ids.values() for a in ("--with", pid)])
        if self.forget:
            for name in HIDDEN:
                self.ok("people", "forget", self.ids[name])

    def text_of(self, form):
        return re.sub(r"\{id:([^}]*)\}", lambda m: self.ids[m[1]], form)

    def giveaways(self):
        return GIVEAWAYS + [pid for name, pid in self.ids.items() if name in HIDDEN]

    def assertHidden(self, output, where):
        seen = folded(output)
        for word in self.giveaways():
            self.assertNotIn(word, seen, f"{where}: {word!r} in:\n{output}")

    def outputs(self):
        """Every output that can leave the workspace, by name."""
        return {
            "markdown (nl)": self.ok("report").out,
            "markdown (en)": self.ok("report", "--lang", "en").out,
            "markdown (--names none)": self.ok("report", "--names", "none").out,
            "json": self.ok("report", "--format", "json").out,
            "html": self.ok("report", "--format", "html").out,
            "html (en)": self.ok("report", "--format", "html", "--lang", "en").out,
            "status": self.ok("status").out,
        }

    def test_every_form_is_hidden_in_every_output(self):
        for i, (what, form) in enumerate(NAME_FORMS):
            text = self.text_of(form)
            self.log("actie", text, "--date", day(i))
            # status shows the newest entry: each form in its turn.
            self.assertHidden(self.ok("status").out, f"status, {what}")
        for where, output in self.outputs().items():
            self.assertHidden(output, where)

    def test_forms_in_effects_questions_and_dilemmas(self):
        for i, (what, form) in enumerate(NAME_FORMS):
            text = self.text_of(form)
            self.ok("log", "lucifer", f"proef {i}", "--date", day(i),
                    "--effect", text)
            self.ok("meet", f"overleg {i}", "--date", day(i),
                    "--question", text, "--dilemma", text, "--with", self.ids["Jan Smit"])
        for where, output in self.outputs().items():
            self.assertHidden(output, where)

    def test_shown_people_stay_named(self):
        self.log("actie", CONTROL, "--date", day(40))
        status = self.ok("status").out
        report = self.ok("report").out
        for output in (status, report):
            self.assertIn("Jan Smit sprak met ", output)
            self.assertHidden(output, "control")

    def test_labels_replace_the_name(self):
        self.log("actie", "Fatima Ouali's moestuin en Jeroens fiets", "--date", day(40))
        status = self.ok("status").out
        # The label keeps the possessive; the one opening the title has a capital.
        self.assertRegex(status, r"Inwoner \d's moestuin en initiatiefnemer \d's fiets")
        self.log("actie", "Fatima kwam langs", "--date", day(41))
        # Two hidden residents are called Fatima: the label says no more than that.
        self.assertIn("Inwoner kwam langs", self.ok("status").out)


class RedactionAfterForget(RedactionTestCase):
    """The same table once the hidden people are forgotten: their names stay hidden in text
    written before the forget and in text that arrives after it (from a clone that had not
    pulled the forget yet)."""

    forget = True

    def test_a_title_written_before_forget_stays_hidden(self):
        self.init(path=self.tmp / "ws2")
        ws2 = self.tmp / "ws2"
        fatima = self.add_person("Fatima Ouali", "--group", "resident", "--note",
                                 "woont op nummer 12", cwd=ws2)
        self.ok("log", "actie", "Moestuin met Fatima Ouali", "--with", fatima, cwd=ws2)
        before = self.ok("report", cwd=ws2).out
        self.assertNotIn("Fatima", before)
        self.ok("people", "forget", fatima, cwd=ws2)
        for output in (self.ok("report", cwd=ws2).out, self.ok("report", "--names", "all",
                                                               cwd=ws2).out,
                       self.ok("status", cwd=ws2).out):
            self.assertNotIn("fatima", folded(output))
            self.assertNotIn("ouali", folded(output))

    def test_forget_leaves_no_name_in_the_cache(self):
        self.init(path=self.tmp / "ws2")
        ws2 = self.tmp / "ws2"
        fatima = self.add_person("Fatima Ouali", "--group", "resident", "--note",
                                 "woont op nummer 12", cwd=ws2)
        self.ok("list", cwd=ws2)  # fills the cache (unless SPARK_NO_CACHE)
        self.ok("people", "forget", fatima, cwd=ws2)
        for path in (ws2 / ".spark").rglob("*") if (ws2 / ".spark").exists() else []:
            if path.is_file():
                data = path.read_bytes()
                for secret in (b"Fatima", b"Ouali", b"nummer 12", fatima.encode()):
                    self.assertNotIn(secret, data, path)
        # Nor does the record that stands in for her.
        for path in (ws2 / "people").glob("forgotten-*.toml"):
            self.assertNotIn("fatima", path.read_text().casefold())
            self.assertNotIn("ouali", path.read_text().casefold())

    def test_names_all_still_hides_forgotten_people(self):
        self.log("actie", "Moestuin met Fatima Ouali en Jan Smit", "--date", day(40))
        report = self.ok("report", "--names", "all").out
        self.assertHidden(report, "--names all")
        self.assertIn("Jan Smit", report)




if __name__ == "__main__":
    sparktest.main()
