"""Words are data: the words that carry facts, per language, shared by anchoring, values and suggest.

Every table is keyed by an ISO 639-1 code. `merged(table, language)` gives the language's words
plus English (news in any language quotes English names, units and abbreviations).
"""
from __future__ import annotations

import re

from functools import lru_cache

LANGUAGES = ("en", "de", "es", "fr", "it", "pt", "nl", "ja")
# Languages that write 2,5 for two and a half and 1.000 for a thousand.
DECIMAL_COMMA = frozenset("de es fr it pt nl da sv nb nn no fi pl cs sk sl hr sr bs ro hu tr ru uk bg el lt lv et "
                          "id vi ca gl eu is".split())

WEEKDAYS = {
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "de": ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "ja": ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"],
}
# Other spellings of the same weekday (abbreviations, forms without accents, Saturday's German twin).
WEEKDAY_VARIANTS = {
    "en": {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6},
    "de": {"sonnabend": 5},
    "es": {"miercoles": 2, "sabado": 5},
    "fr": {},
    "it": {"lunedi": 0, "martedi": 1, "mercoledi": 2, "giovedi": 3, "venerdi": 4},
    "pt": {"segunda": 0, "terça": 1, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4, "sabado": 5},
    "nl": {},
    "ja": {"月曜": 0, "火曜": 1, "水曜": 2, "木曜": 3, "金曜": 4, "土曜": 5, "日曜": 6},
}
MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"],
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
}
MONTH_VARIANTS = {
    "en": {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
           "nov": 11, "dec": 12},
    "de": {"jänner": 1, "maerz": 3, "marz": 3, "okt": 10, "dez": 12},
    "es": {"setiembre": 9},
    "fr": {"fevrier": 2, "aout": 8, "decembre": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12},
    "it": {}, "pt": {"marco": 3}, "nl": {},
}
# Month names that are also common words: a month only next to a day number or a year, and, in a language
# that capitalizes its months, only capitalized ("may 5" is the verb). Spanish, French, Italian, Portuguese
# and Dutch write every month in lower case: "el 14 de marzo", "le 5 mai".
AMBIGUOUS_MONTHS = frozenset("may march mar jan sat sun wed marzo mai".split())
CAPITALIZED_MONTHS = frozenset(("en", "de"))
# English regions that write the month first in numeric dates (3/4/2024 is March 4): en-US and a few others.
MONTH_FIRST_REGIONS = frozenset(("us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "vi", "um"))

# Cardinals below twenty and the tens; scales multiply what stands before them.
CARDINALS = {
    "en": dict(zip("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                   "sixteen seventeen eighteen nineteen".split(), range(20)))
    | {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90},
    "de": dict(zip("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
                   "sechzehn siebzehn achtzehn neunzehn".split(), range(20)))
    | {"ein": 1, "eine": 1, "einen": 1, "einem": 1, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
       "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90},
    "es": dict(zip("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
                   "dieciséis diecisiete dieciocho diecinueve".split(), range(20)))
    | {"un": 1, "una": 1, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
       "setenta": 70, "ochenta": 80, "noventa": 90},
    "fr": dict(zip("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
                   "dix-sept dix-huit dix-neuf".split(), range(20)))
    | {"une": 1, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60},
    "it": dict(zip("zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici "
                   "quindici sedici diciassette diciotto diciannove".split(), range(20)))
    | {"venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50},
    "pt": dict(zip("zero um dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezesseis "
                   "dezessete dezoito dezenove".split(), range(20)))
    | {"uma": 1, "duas": 2, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50},
    "nl": dict(zip("nul een twee drie vier vijf zes zeven acht negen tien elf twaalf".split(), range(13))),
}


def _compound_cardinals() -> dict[str, dict[str, int]]:
    """Number words written as one word or with hyphens, 21 to 99: fünfundzwanzig, vijfentwintig,
    venticinque, veinticinco, soixante-dix, quatre-vingt-dix-sept (and the hundreds Spanish writes as one
    word, doscientos)."""
    out: dict[str, dict[str, int]] = {lang: {} for lang in ("de", "nl", "it", "es", "fr", "pt")}
    de_units = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
    de_tens = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
               "achtzig": 80, "neunzig": 90}
    for unit, u in zip(de_units, range(1, 10)):
        for word, t in de_tens.items():
            out["de"][f"{unit}und{word}"] = t + u
    nl_units = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
    nl_tens = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
               "tachtig": 80, "negentig": 90}
    for unit, u in zip(nl_units, range(1, 10)):
        for word, t in nl_tens.items():
            out["nl"][f"{unit}{'ën' if unit.endswith('e') else 'en'}{word}"] = t + u
    out["nl"].update({"dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
                      "achttien": 18, "negentien": 19, **nl_tens, "honderd": 100})
    it_units = ["uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"]
    it_tens = {"venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60, "settanta": 70,
               "ottanta": 80, "novanta": 90}
    for word, t in it_tens.items():
        out["it"][word] = t
        for unit, u in zip(it_units, range(1, 10)):
            stem = word[:-1] if unit[0] in "uo" else word  # ventuno, trentotto
            out["it"][stem + ("tré" if unit == "tre" else unit)] = t + u
    es_twenties = ["veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis",
                   "veintisiete", "veintiocho", "veintinueve"]
    out["es"].update({word: 21 + k for k, word in enumerate(es_twenties)})
    out["es"].update({"veintiún": 21, "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
                      "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500,
                      "seiscientos": 600, "seiscientas": 600, "setecientos": 700, "setecientas": 700,
                      "ochocientos": 800, "ochocientas": 800, "novecientos": 900, "novecientas": 900})
    fr_units = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
    fr_teens = ["onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
    for word, t in {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}.items():
        out["fr"][f"{word} et un"] = out["fr"][f"{word}-et-un"] = t + 1
        for unit, u in zip(fr_units[1:], range(2, 10)):
            out["fr"][f"{word}-{unit}"] = t + u
    out["fr"].update({"soixante-dix": 70, "soixante et onze": 71, "soixante-et-onze": 71, "quatre-vingts": 80,
                      "quatre-vingt": 80, "quatre-vingt-dix": 90, "septante": 70, "huitante": 80, "octante": 80,
                      "nonante": 90})
    for teen, n in zip(fr_teens[1:], range(12, 20)):
        out["fr"][f"soixante-{teen}"] = 60 + n
    for unit, u in zip(fr_units, range(1, 10)):
        out["fr"][f"quatre-vingt-{unit}"] = 80 + u
    for teen, n in zip(fr_teens, range(11, 20)):
        out["fr"][f"quatre-vingt-{teen}"] = 80 + n
    pt_tens = {"sessenta": 60, "setenta": 70, "oitenta": 80, "noventa": 90}
    out["pt"].update({**pt_tens, "duzentos": 200, "duzentas": 200, "trezentos": 300, "quatrocentos": 400,
                      "quinhentos": 500})
    return out


for _lang, _words in _compound_cardinals().items():
    CARDINALS[_lang].update(_words)
# The hundred that starts a number on its own: "cent cinquante morts", "ciento veinte", "cento e vinte".
HUNDRED_STARTS = {"fr": ("cent",), "es": ("ciento", "cien"), "it": ("cento",), "pt": ("cento", "cem"),
                  "nl": ("honderd",), "de": ("hundert", "einhundert")}
# Languages whose "and" (AND_WORDS) joins tens and units written apart: "treinta y cinco", "vinte e cinco".
TENS_AND_UNITS = frozenset(("es", "pt"))
# word -> (factor, joins-with-what-follows): "hundred" multiplies and lets smaller words follow.
SCALE_WORDS = {
    "en": {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
           "lakhs": 1e5, "crore": 1e7, "crores": 1e7},
    "de": {"hundert": 100, "tausend": 1e3, "million": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9,
           "billion": 1e12, "billionen": 1e12},
    "es": {"cien": 100, "ciento": 100, "cientos": 100, "mil": 1e3, "millón": 1e6, "millones": 1e6,
           "billón": 1e12, "billones": 1e12},
    "fr": {"cent": 100, "cents": 100, "mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9,
           "milliards": 1e9, "billion": 1e12},
    "it": {"cento": 100, "mille": 1e3, "mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9},
    "pt": {"cem": 100, "mil": 1e3, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9},
    "nl": {"honderd": 100, "duizend": 1e3, "miljoen": 1e6, "miljard": 1e9},
    "ja": {"千": 1e3, "万": 1e4, "億": 1e8, "兆": 1e12},
    "zh": {"千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12},
    "ko": {"천": 1e3, "만": 1e4, "억": 1e8, "조": 1e12},
}
# Korean writes a counter, a unit or a scale right after the number and a particle right after it
# ("179명이", "25분간", "1만2천명"): the syllable after the digits is split off as a word of its own, or
# one of these when it stands there whole.
KOREAN_AFTER_NUMBER = ("시간", "개월", "년간", "일간", "주간", "분간", "초간")
# Japanese and Chinese signs mean one thing whatever language a source declares ("1万人" in a source
# marked English is still 10,000): their tables apply to every source, and no Latin word can collide.
CJK_LANGUAGES = ("ja", "zh", "ko")
# Written right after digits: "$5bn", "Rs 615 crore", "7,5 Mrd.", "2 Mio."
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12,
                       "trn": 1e12, "cr": 1e7, "mio": 1e6, "mrd": 1e9, "md": 1e9, "mds": 1e9}
ORDINALS = {
    "en": {w: i + 1 for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                                          "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                                          "nineteenth twentieth".split())}
    | {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100},
    "de": {w: i + 1 for i, w in enumerate("erste zweite dritte vierte fünfte sechste siebte achte neunte zehnte".split())}
    | {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "fünften": 5},
    "es": {"primero": 1, "primera": 1, "primer": 1, "segundo": 2, "segunda": 2, "tercero": 3, "tercera": 3,
           "tercer": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "séptimo": 7, "octavo": 8,
           "noveno": 9, "décimo": 10},
    "fr": {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3, "quatrième": 4,
           "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10},
}
# Denominators: "a quarter", "two-thirds", "three quarters", "ein Viertel", "un tercio", "un quart".
FRACTIONS = {
    "en": {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
           "tenth": 10, "tenths": 10},
    "de": {"hälfte": 2, "halb": 2, "halbe": 2, "halben": 2, "drittel": 3, "viertel": 4, "fünftel": 5},
    "es": {"mitad": 2, "medio": 2, "media": 2, "tercio": 3, "tercios": 3, "cuarto": 4, "cuartos": 4},
    "fr": {"moitié": 2, "demi": 2, "demie": 2, "tiers": 3, "quart": 4, "quarts": 4},
}
# Counts given as an order of magnitude; documented intervals (README: How values are read).
APPROXIMATE_COUNTS = {
    "en": {"dozens": (24, 199), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2000, 9999),
           "millions": (2e6, 999e6), "billions": (2e9, 999e9)},
    "de": {"dutzende": (24, 199), "hunderte": (200, 999), "tausende": (2000, 9999), "millionen": (2e6, 999e6)},
    "es": {"decenas": (20, 99), "cientos": (200, 999), "centenares": (200, 999), "miles": (2000, 9999),
           "millones": (2e6, 999e6)},
    "fr": {"dizaines": (20, 99), "centaines": (200, 999), "milliers": (2000, 9999), "millions": (2e6, 999e6)},
}
# "several hundred", "a few thousand": the factor's range.
VAGUE_FACTORS = {"en": {"several": (3, 9), "a few": (2, 5), "few": (2, 5)},
                 "de": {"mehrere": (3, 9), "einige": (2, 9)},
                 "es": {"varios": (3, 9), "varias": (3, 9), "unos pocos": (2, 5)},
                 "fr": {"plusieurs": (3, 9), "quelques": (2, 9)}}
DOZEN = {"en": ("dozen",), "de": ("dutzend",), "es": ("docena", "docenas"), "fr": ("douzaine", "douzaines"),
         "it": ("dozzina", "dozzine"), "pt": ("dúzia", "dúzias"), "nl": ("dozijn",)}
# "doubled", "three times as many": a ratio, never a count.
MULTIPLIER_VERBS = {"en": {"doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "tripling": 3, "quadrupled": 4,
                           "halved": 0.5, "twice": 2, "thrice": 3, "twofold": 2, "threefold": 3, "fourfold": 4,
                           "fivefold": 5, "tenfold": 10},
                    "de": {"verdoppelt": 2, "verdreifacht": 3, "halbiert": 0.5},
                    "es": {"duplicó": 2, "duplicado": 2, "triplicó": 3, "triplicado": 3},
                    "fr": {"doublé": 2, "triplé": 3}}
TIMES_WORDS = {"en": ("times",), "de": ("mal", "fache"), "es": ("veces",), "fr": ("fois",)}
MINUS_WORDS = {"en": ("minus",), "de": ("minus",), "es": ("menos",), "fr": ("moins",)}
AND_WORDS = {"en": ("and",), "de": ("und",), "es": ("y",), "fr": ("et",), "it": ("e",), "pt": ("e",)}
# Words for "of" in "eleven of 12" and "one in five".
OF_WORDS = {"en": ("of", "out of"), "de": ("der", "von"), "es": ("de", "de los", "de las"),
            "fr": ("des", "de", "sur")}
IN_WORDS = {"en": ("in", "out of"), "de": ("von",), "es": ("de cada",), "fr": ("sur",)}
# A tally worded out. With roles: "312 votes in favour and 254 against", "178 votos a favor y 172 en contra",
# "349 Ja-Stimmen bei 300 Gegenstimmen". Without (winner first, whichever side won): "by 67 votes to 32",
# "331 voix contre 233", "mit 349 zu 300 Stimmen".
VOTE_NOUNS = {"en": ("votes", "vote", "ballots"), "de": ("stimmen",), "es": ("votos",), "fr": ("voix", "votes"),
              "it": ("voti",), "pt": ("votos",), "nl": ("stemmen",)}
# "330 MPs voting in favour", "178 diputados votaron a favor": who voted and the verb, between a count and its side.
VOTE_VERBS = {"en": ("voting", "voted", "vote"), "de": ("stimmten", "stimmte", "votierten"),
              "es": ("votaron", "votó", "votando"), "fr": ("ont voté", "a voté", "votant"),
              "it": ("hanno votato", "ha votato", "votanti"), "pt": ("votaram", "votou"), "nl": ("stemden", "stemde")}
VOTES_FOR = {"en": ("in favour", "in favor", "for", "yes", "ayes", "yeas"),
             "de": ("ja-stimmen", "jastimmen", "dafür", "für"), "es": ("a favor",), "fr": ("pour",),
             "it": ("a favore", "favorevoli"), "pt": ("a favor", "favoráveis"), "nl": ("voor",)}
VOTES_AGAINST = {"en": ("against", "opposed", "no", "noes", "nays"),
                 "de": ("gegenstimmen", "nein-stimmen", "neinstimmen", "dagegen", "gegen"),
                 "es": ("en contra", "contra"), "fr": ("contre",), "it": ("contrari", "contro"),
                 "pt": ("contra", "contrários"), "nl": ("tegen",)}
VOTE_ABSTENTIONS = {"en": ("abstentions", "abstention", "abstained", "abstaining"),
                    "de": ("enthaltungen", "enthaltung"), "es": ("abstenciones", "abstención"),
                    "fr": ("abstentions", "abstention"), "it": ("astenuti", "astensioni"), "pt": ("abstenções",),
                    "nl": ("onthoudingen",)}
TALLY_SEPARATORS = {"en": ("and", ",", "with", "to"), "de": ("und", "bei", ",", "zu"), "es": ("y", ",", "con"),
                    "fr": ("et", ","), "it": ("e", ","), "pt": ("e", ","), "nl": ("en", ",")}
TALLY_JOINERS = {"en": ("to",), "de": ("zu", "gegen"), "es": ("contra", "a"), "fr": ("contre",),
                 "it": ("a", "contro"), "pt": ("a", "contra"), "nl": ("tegen",)}
# Numbering words: "in der 87. Minute" (German writes an ordinal as digits and a full stop, before these
# nouns), "en el minuto 86", "al minuto 86", "in minute 86" (the noun before the number numbers it).
ORDINAL_NOUNS = {"de": ("minute", "spieltag", "runde", "etappe", "spielminute")}
NUMBERED_BY = {"en": ("minute",), "es": ("minuto",), "it": ("minuto",), "pt": ("minuto",), "fr": ("minute",)}
RANGE_WORDS = {  # (opening word, joining word): "between 4 and 5", "from 4 to 5", "zwischen 4 und 5"
    "en": [("between", "and"), ("from", "to"), (None, "to"), (None, "or")],
    "de": [("zwischen", "und"), ("von", "bis"), (None, "bis")],
    "es": [("entre", "y"), ("de", "a"), ("desde", "hasta"), (None, "a")],
    "fr": [("entre", "et"), ("de", "à"), (None, "à")],
}
# Verbs whose "up" is a particle: "ticked up to 4.2%" rose to 4.2%, while "killed up to 40" is at most 40.
UP_PARTICLE_VERBS = {"en": frozenset("""tick ticks ticked ticking edge edges edged edging move moves moved moving
    inch inches inched inching creep creeps crept creeping go goes went going gone come comes came coming jump
    jumps jumped jumping shoot shoots shot shooting climb climbs climbed climbing rise rises rose risen rising
    revise revises revised revising bump bumps bumped bumping ramp ramps ramped ramping step steps stepped
    stepping pick picks picked picking nudge nudges nudged nudging push pushes pushed pushing ratchet ratchets
    ratcheted ratcheting drift drifts drifted drifting trend trends trended trending spike spikes spiked spiking
    surge surges surged surging soar soars soared soaring rally rallies rallied rallying""".split())}
# qualifier phrase -> kind (README: about ±10 %, nearly [−10 %, 0], above (x, ∞), at least [x, ∞), below, up to)
# Japanese counts carry a counter word ("100人", "3件") and put most qualifiers after it: "100人以上",
# "1万人を超え", "100人近く". Counters are skipped to find the qualifier; they are no unit.
COUNTERS = {"ja": ("人", "件", "機", "台", "隻", "棟", "回", "個", "社", "校", "頭", "匹", "本", "枚", "票", "議席", "戸",
                   "発", "基", "カ所", "か所", "ヵ所", "カ国", "か国", "ヵ国", "世帯", "軒"),
            "zh": ("人", "名", "个", "個", "次", "架", "艘", "家", "起", "件", "票", "席", "户"),
            "ko": ("명", "건", "곳", "대", "채", "척", "개", "표", "석", "가구")}
QUALIFIERS_AFTER = {"ja": {"以上": "at least", "超": "above", "を超え": "above", "を超える": "above", "を上回る": "above",
                           "余り": "above", "余": "above", "強": "above", "未満": "below", "以下": "up to",
                           "近く": "nearly", "弱": "nearly", "程度": "about", "ほど": "about", "前後": "about"},
                    "zh": {"多": "above", "余": "above", "以上": "at least", "左右": "about", "以下": "up to"},
                    "ko": {"이상": "at least", "넘게": "above", "초과": "above", "여": "above", "가량": "about",
                           "정도": "about", "쯤": "about", "미만": "below", "이하": "up to", "가까이": "nearly"}}
# Japanese date and clock words written after a number: "11月24日", "午後9時15分", "2025年". The number is
# part of a date, never a quantity, unless 間 makes it a length ("25日間", "2時間", "3年間").
DATE_COUNTERS = {"ja": ("年", "月", "日", "時"), "zh": ("年", "月", "日", "号", "时", "點", "点"),
                 "ko": ("년", "월", "일", "시")}
QUALIFIERS = {
    "en": {"more than": "above", "greater than": "above", "over": "above", "above": "above", "exceeding": "above",
           "in excess of": "above", "upwards of": "above", "just over": "above", "just above": "above",
           "at least": "at least", "no less than": "at least", "no fewer than": "at least",
           "a minimum of": "at least", "less than": "below", "fewer than": "below", "under": "below",
           "below": "below", "just under": "nearly", "just below": "nearly", "up to": "up to", "at most": "up to",
           "as many as": "up to", "as much as": "up to", "no more than": "up to", "nearly": "nearly",
           "almost": "nearly", "close to": "nearly", "about": "about", "approximately": "about", "approx.": "about",
           "approx": "about", "around": "about", "roughly": "about", "some": "about", "an estimated": "about",
           "estimated": "about", "circa": "about", "ca.": "about", "c.": "about", "or so": "about",
           "topped": "above", "tops": "above", "exceeded": "above", "exceeds": "above", "surpassed": "above",
           "crossed": "above"},
    "de": {"mehr als": "above", "über": "above", "mindestens": "at least", "weniger als": "below",
           "unter": "below", "bis zu": "up to", "höchstens": "up to", "fast": "nearly", "beinahe": "nearly",
           "knapp": "nearly", "nahezu": "nearly", "etwa": "about", "rund": "about", "ungefähr": "about",
           "circa": "about", "ca.": "about", "zirka": "about", "gut": "above"},
    "es": {"más de": "above", "por encima de": "above", "al menos": "at least", "por lo menos": "at least",
           "como mínimo": "at least", "menos de": "below", "por debajo de": "below", "hasta": "up to",
           "casi": "nearly", "cerca de": "about", "alrededor de": "about", "unos": "about", "unas": "about",
           "aproximadamente": "about", "en torno a": "about", "aproximadamente unos": "about"},
    "it": {"più di": "above", "oltre": "above", "sopra i": "above", "almeno": "at least", "non meno di": "at least",
           "meno di": "below", "sotto i": "below", "fino a": "up to", "al massimo": "up to", "quasi": "nearly",
           "circa": "about", "intorno a": "about", "all'incirca": "about", "approssimativamente": "about",
           "una trentina di": "about"},
    "pt": {"mais de": "above", "acima de": "above", "pelo menos": "at least", "no mínimo": "at least",
           "menos de": "below", "abaixo de": "below", "no máximo": "up to", "quase": "nearly",
           "cerca de": "about", "aproximadamente": "about", "em torno de": "about", "por volta de": "about",
           "perto de": "about"},
    # not "até" and "tot" alone: they also join a range ("de 10 até 20", "van 10 tot 20")
    "nl": {"meer dan": "above", "ruim": "above", "boven de": "above", "minstens": "at least", "ten minste": "at least",
           "minder dan": "below", "hooguit": "up to", "maximaal": "up to", "bijna": "nearly",
           "ongeveer": "about", "circa": "about", "zo'n": "about", "rond de": "about", "omstreeks": "about"},
    "ja": {"約": "about", "およそ": "about", "最大": "up to", "少なくとも": "at least", "最低": "at least"},
    "ko": {"약": "about", "최대": "up to", "최소": "at least", "적어도": "at least"},
    "zh": {"约": "about", "約": "about", "大约": "about", "约有": "about", "大约有": "about", "至少": "at least", "最多": "up to", "超过": "above",
           "逾": "above", "近": "nearly"},
    "fr": {"plus de": "above", "au-delà de": "above", "au moins": "at least", "moins de": "below",
           "jusqu'à": "up to", "presque": "nearly", "près de": "about", "environ": "about", "quelque": "about",
           "autour de": "about", "approximativement": "about", "une quarantaine de": "about"},
}
# A clock time's qualifier -> what it allows ("about 8 p.m.", "kurz vor 20 Uhr", "hacia las 20.00").
TIME_QUALIFIERS = {
    "en": {"about": "about", "around": "about", "approximately": "about", "roughly": "about", "at around": "about",
           "just before": "just before", "shortly before": "just before", "just after": "just after",
           "shortly after": "just after"},
    "de": {"gegen": "about", "etwa": "about", "kurz vor": "just before", "kurz nach": "just after"},
    "es": {"hacia las": "about", "sobre las": "about"},
    "fr": {"vers": "about"},
}
# The word that puts a clock time in a sentence ("at 8 p.m.", "um 20 Uhr", "a las 20.00", "à 20 h").
CLOCK_PREPOSITIONS = {"en": ("at",), "de": ("um",), "es": ("a las",), "fr": ("à",)}
# Of those, the ones that only ever stand before a clock time: "a las 20.30" needs no "h" or colon.
CLOCK_ONLY_PREPOSITIONS = ("a las",)
# Spanish names the hour with an article: "a las 20.30", "hacia las 21", "entre las 8 y las 10".
HOUR_ARTICLES = {"es": ("las",)}
NEGATIONS = {
    "en": ("not", "no", "never", "nor", "none", "nothing", "nobody", "neither", "without", "cannot", "n't", "nowhere"),
    "de": ("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts",
           "niemand", "ohne", "weder"),
    "es": ("no", "nunca", "jamás", "nada", "nadie", "ningún", "ninguno", "ninguna", "sin", "tampoco", "ni"),
    "fr": ("ne", "n'", "pas", "jamais", "rien", "personne", "aucun", "aucune", "sans", "ni", "non"),
    "it": ("non", "mai", "niente", "nessuno", "senza"),
    "pt": ("não", "nunca", "nada", "ninguém", "nenhum", "nenhuma", "sem"),
    "nl": ("niet", "geen", "nooit", "niets", "niemand", "zonder"),
    "ja": ("ない", "なかった", "ません", "ませんでした", "ず", "ぬ"),
    "zh": ("不", "没有", "没", "未", "无", "非", "别"),
    "ko": ("않았다", "않는다", "않다", "않았", "않고", "없다", "없었다", "아니다", "아니라", "못했다", "못한다", "안"),
}
# Words that flip a fact to its opposite; each pair is symmetric.
ANTONYMS = {
    "en": [("rose", "fell"), ("rise", "fall"), ("rises", "falls"), ("risen", "fallen"), ("increased", "decreased"),
           ("increase", "decrease"), ("raised", "lowered"), ("raised", "cut"), ("hiked", "cut"), ("up", "down"),
           ("higher", "lower"), ("gained", "lost"), ("won", "lost"), ("win", "lose"), ("wins", "loses"),
           ("confirmed", "denied"), ("confirms", "denies"), ("confirm", "deny"), ("approved", "rejected"),
           ("approve", "reject"), ("accepted", "refused"), ("accepted", "rejected"), ("accept", "refuse"),
           ("passed", "failed"), ("guilty", "innocent"), ("guilty", "acquitted"), ("convicted", "acquitted"),
           ("allowed", "banned"), ("allowed", "forbade"), ("support", "oppose"), ("supported", "opposed"),
           ("supports", "opposes"), ("for", "against"), ("before", "after"), ("more", "less"), ("more", "fewer"),
           ("most", "least"), ("above", "below"), ("over", "under"), ("north", "south"), ("east", "west"),
           ("gains", "losses"), ("strengthened", "weakened"), ("expanded", "contracted"), ("surplus", "deficit"),
           ("open", "closed"), ("opened", "closed"), ("began", "ended"), ("started", "ended"), ("alive", "dead"),
           ("survived", "died"), ("always", "never"), ("all", "none"), ("everyone", "no one"),
           ("increasing", "decreasing"), ("easing", "tightening"), ("hawkish", "dovish"), ("left", "right")],
    "de": [("gestiegen", "gesunken"), ("stieg", "sank"), ("steigt", "sinkt"), ("erhöht", "gesenkt"),
           ("erhöhte", "senkte"), ("angehoben", "gesenkt"), ("mehr", "weniger"), ("bestätigt", "dementiert"),
           ("bestätigte", "dementierte"), ("gewonnen", "verloren"), ("gewann", "verlor"),
           ("angenommen", "abgelehnt"), ("zugestimmt", "abgelehnt"), ("vor", "nach"), ("für", "gegen")],
    "es": [("subió", "bajó"), ("aumentó", "disminuyó"), ("subir", "bajar"), ("alza", "baja"), ("más", "menos"),
           ("confirmó", "negó"), ("ganó", "perdió"), ("aprobó", "rechazó"), ("aceptó", "rechazó"),
           ("antes", "después"), ("recortó", "subió"), ("a favor", "en contra")],
    "fr": [("hausse", "baisse"), ("augmenté", "diminué"), ("augmenté", "baissé"), ("monté", "baissé"),
           ("plus", "moins"), ("confirmé", "démenti"), ("confirmé", "nié"), ("gagné", "perdu"),
           ("approuvé", "rejeté"), ("accepté", "refusé"), ("avant", "après"), ("pour", "contre")],
    "it": [("salito", "sceso"), ("aumentato", "diminuito"), ("rialzo", "ribasso"), ("aumento", "calo"),
           ("più", "meno"), ("confermato", "smentito"), ("vinto", "perso"), ("approvato", "respinto"),
           ("prima", "dopo"), ("alzato", "tagliato"), ("favorevoli", "contrari")],
    "pt": [("subiu", "caiu"), ("aumentou", "diminuiu"), ("alta", "queda"), ("mais", "menos"),
           ("confirmou", "negou"), ("venceu", "perdeu"), ("aprovou", "rejeitou"), ("antes", "depois"),
           ("elevou", "reduziu"), ("elevou", "cortou"), ("a favor", "contra")],
    "nl": [("steeg", "daalde"), ("gestegen", "gedaald"), ("stijging", "daling"), ("meer", "minder"),
           ("bevestigde", "ontkende"), ("won", "verloor"), ("verhoogde", "verlaagde"), ("voor", "na"),
           ("voor", "tegen")],
    "ja": [("上昇", "下落"), ("増加", "減少"), ("引き上げ", "引き下げ"), ("利上げ", "利下げ"), ("認めた", "否定した"),
           ("賛成", "反対"), ("前", "後")],
    "zh": [("上涨", "下跌"), ("增长", "下降"), ("增加", "减少"), ("加息", "降息"), ("上调", "下调"), ("承认", "否认"),
           ("赞成", "反对"), ("之前", "之后")],
}
DAY_PARTS = {  # word -> part of the day (DESIGN: morning [05, 12), afternoon [12, 18), evening [17, 23), night [20, 24))
    "en": {"morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night",
           "tonight": "night", "overnight": "night"},
    "de": {"morgen": "morning", "vormittag": "morning", "nachmittag": "afternoon", "abend": "evening",
           "nacht": "night", "morgens": "morning", "abends": "evening", "nachts": "night"},
    "es": {"mañana": "morning", "tarde": "afternoon", "noche": "night", "madrugada": "night"},
    "fr": {"matin": "morning", "matinée": "morning", "après-midi": "afternoon", "soir": "evening",
           "soirée": "evening", "nuit": "night"},
    # 午前/午後 are a.m./p.m. for a clock time ("午後9時" is 9 p.m., not the afternoon): no part of the day
    "ja": {"朝": "morning", "夕方": "evening", "夜": "night", "夜間": "night", "深夜": "night", "未明": "night",
           "晩": "night"},
    "zh": {"早上": "morning", "上午": "morning", "下午": "afternoon", "傍晚": "evening", "晚上": "night",
           "晚": "night", "夜间": "night", "凌晨": "night"},
}
# A clock time in Japanese or Chinese: the a.m./p.m. word before it, the hour and minute signs, and the
# qualifier after it ("午後9時15分ごろ", "下午3点半左右").
CJK_CLOCK = {"am": ("午前", "上午", "早上", "凌晨", "오전", "새벽"), "pm": ("午後", "下午", "晚上", "오후", "밤"),
             "hour": ("時", "时", "点", "點", "시"), "minute": ("分", "분"),
             "about": ("ごろ", "頃", "前後", "左右"), "just after": ("過ぎ", "すぎ"), "just before": ("前",)}
# Relative day words -> days from the publication date (DESIGN: resolve against `published`).
# Days named by the calendar, the same every year: "struck at 4:10 p.m. on New Year's Day". Only names
# of one day ("Christmas" alone may be the season).
FIXED_HOLIDAYS = {
    "en": {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
           "christmas eve": (12, 24), "boxing day": (12, 26)},
    "de": {"neujahr": (1, 1), "neujahrstag": (1, 1), "silvester": (12, 31), "heiligabend": (12, 24),
           "erster weihnachtstag": (12, 25)},
    "es": {"año nuevo": (1, 1), "nochevieja": (12, 31), "nochebuena": (12, 24), "día de navidad": (12, 25)},
    "fr": {"jour de l'an": (1, 1), "réveillon du nouvel an": (12, 31), "réveillon de noël": (12, 24),
           "jour de noël": (12, 25)},
    "it": {"capodanno": (1, 1), "vigilia di natale": (12, 24), "giorno di natale": (12, 25)},
    "pt": {"dia de ano novo": (1, 1), "véspera de natal": (12, 24), "dia de natal": (12, 25)},
    "nl": {"nieuwjaarsdag": (1, 1), "oudejaarsavond": (12, 31), "eerste kerstdag": (12, 25)},
    "ja": {"元日": (1, 1), "元旦": (1, 1), "大みそか": (12, 31), "大晦日": (12, 31)},
    "zh": {"元旦": (1, 1), "除夕": None},  # 除夕 follows the lunar calendar: a day this table cannot place
}
RELATIVE_DAYS = {
    "en": {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
           "last night": -1, "tomorrow": 1, "the day before yesterday": -2, "earlier today": 0,
           "earlier on": 0},
    "de": {"heute": 0, "gestern": -1, "morgen": 1, "vorgestern": -2, "übermorgen": 2, "gestern abend": -1},
    "es": {"hoy": 0, "ayer": -1, "mañana": 1, "anteayer": -2, "anoche": -1},
    "fr": {"aujourd'hui": 0, "hier": -1, "demain": 1, "avant-hier": -2, "hier soir": -1, "ce matin": 0},
    "ja": {"今日": 0, "本日": 0, "昨日": -1, "明日": 1, "昨夜": -1, "今朝": 0, "今夜": 0, "一昨日": -2},
    "zh": {"今天": 0, "昨天": -1, "明天": 1, "昨晚": -1, "今晚": 0, "前天": -2},
}
# Abbreviations a reader reads through (lowercase, without the final period): a sentence does not end there.
# Words every sentence has: sharing them says nothing about sharing a subject (suggest, the archive query).
FUNCTION_WORDS = {
    "en": frozenset("""the a an and or but of to in on at by for with from as is are was were be been being has have
        had do does did this that these those it its he she they them his her their we our you your i me my not no
        will would can could should may might must shall said says say also than then there here which who whom
        whose what when where while about after before over under into onto out up down off more most some any
        all each both such only just very other another one new like so why how less according""".split()),
    "de": frozenset("""der die das den dem des ein eine einer eines einem einen und oder aber von zu im in am an auf
        mit für bei aus als ist sind war waren wird werden wurde wurden hat haben hatte sich es er sie wir ihr
        nicht auch noch nach vor über unter dass wie so nur um""".split()),
    "es": frozenset("""el la los las un una unos unas y o pero de del a al en con por para como es son fue fueron
        ha han había se su sus que no también más muy este esta estos estas ese esa lo le les
        al""".split()),
    "fr": frozenset("""le la les un une des et ou mais de du au aux en dans sur avec pour par comme est sont était
        a ont avait se sa son ses que qui ne pas plus aussi ce cette ces il elle ils elles été""".split()),
    "it": frozenset("""il lo la i gli le un una e o ma di del della a al in con per come è sono era ha hanno si
        suo sua che non anche più questo questa""".split()),
    "pt": frozenset("""o a os as um uma e ou mas de do da dos das em no na com por para como é são foi foram tem
        se seu sua que não também mais este esta""".split()),
    "nl": frozenset("""de het een en of maar van te in op aan met voor bij uit als is zijn was waren wordt werd
        heeft hebben had zich niet ook nog na dat die""".split()),
}


# Words that open a sentence and are nobody's name: after one, a lone capital with a period ends a sentence
# ("a post on X. The call ...", "Plan B. It failed") instead of being an initial ("J. Powell").
SENTENCE_OPENERS = frozenset(w for w in FUNCTION_WORDS["en"] if len(w) >= 3) | frozenset(
    "he it we in on at if as by however meanwhile".split())
ABBREVIATIONS = frozenset("""mr mrs ms dr prof st sen rep gov gen lt col capt sgt cpl adm maj jr sr rev hon pres
inc ltd co corp bros plc llc vs v no nos nr rs re approx ca est dept univ fig vol pp ed eds ft mt ave blvd rd
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
bzw ca dr evtl ggf hr hrn nr prof str usw vgl z.b sra sr srta dña dn ud uds mme mlle mm""".split())
# Words after "p.m." that name its zone: the time, and the sentence, go on.
TIME_ZONE_WORDS = frozenset("et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest ist jst kst hkt sgt "
                            "aest aedt local eastern central mountain pacific".split())
# A change's direction, written just before its size ("fell 2.95%", "cut by 25 basis points"): +1 up, -1 down.
DIRECTIONS = {
    "en": {**dict.fromkeys("rose rise rises risen rising increased increase increases gained gains gaining climbed "
                           "climbs jumped jumps surged surges raised raises hiked hikes grew grows added advanced "
                           "rallied soared up higher".split(), 1),
           **dict.fromkeys("fell fall falls fallen falling decreased decrease decreases dropped drops declined "
                           "declines lost loses slid slides slipped sank tumbled plunged cut cuts lowered lowers "
                           "shed eased dipped down lower reduced".split(), -1)},
    "de": {**dict.fromkeys("stieg steigt gestiegen erhöht erhöhte angehoben zulegte plus".split(), 1),
           **dict.fromkeys("sank sinkt gesunken gesenkt senkte fiel gefallen minus".split(), -1)},
    "es": {**dict.fromkeys("subió sube aumentó creció ganó alza".split(), 1),
           **dict.fromkeys("bajó baja cayó recortó redujo perdió descendió".split(), -1)},
    "fr": {**dict.fromkeys("hausse augmenté monté grimpé progressé relevé".split(), 1),
           **dict.fromkeys("baisse baissé chuté reculé abaissé diminué recul".split(), -1)},
    "it": {**dict.fromkeys("salito salita salgono aumentato aumentata cresciuto cresciuta alzato rialzo rialzato "
                           "guadagnato aumento".split(), 1),
           **dict.fromkeys("sceso scesa scendono calato calata diminuito diminuita tagliato ridotto ribasso calo "
                           "perso".split(), -1)},
    "pt": {**dict.fromkeys("subiu sobe aumentou cresceu elevou alta avançou ganhou".split(), 1),
           **dict.fromkeys("caiu cai recuou reduziu cortou baixou queda perdeu diminuiu".split(), -1)},
    "nl": {**dict.fromkeys("steeg stijgt gestegen verhoogde verhoogd stijging groeide".split(), 1),
           **dict.fromkeys("daalde daalt gedaald verlaagde verlaagd daling zakte".split(), -1)},
    # Japanese writes the change after its size ("0.25%引き上げ"), Chinese before it ("上涨2%"); 「に」 after
    # the size and 至/到 before it make a level instead ("0.5%に引き上げ", "升至2%").
    "ja": {**dict.fromkeys(("引き上げ", "引上げ", "上昇", "増加", "値上げ", "利上げ", "拡大", "上回"), 1),
           **dict.fromkeys(("引き下げ", "引下げ", "下落", "減少", "値下げ", "利下げ", "縮小", "低下", "下回"), -1)},
    "zh": {**dict.fromkeys(("上涨", "上升", "增长", "增加", "提高", "上调", "加息", "升"), 1),
           **dict.fromkeys(("下跌", "下降", "减少", "降低", "下调", "降息", "跌", "降"), -1)},
}
# Words that mark a cite as relayed rather than first-hand.
# Who did it, for `draft`: "initiated by the U.S. side", "at the request of Tokyo", "at Trump's invitation".
# Each word maps to the act it names, so that sources wording one act differently meet in one claim.
ACT_BY_VERBS = {"en": {"initiated": "initiative", "requested": "initiative", "proposed": "initiative",
                       "arranged": "initiative", "organised": "initiative", "organized": "initiative",
                       "convened": "initiative", "hosted": "host", "brokered": "mediation",
                       "mediated": "mediation", "ordered": "order", "authorised": "order", "authorized": "order"}}
ACT_NOUNS = {"en": {"request": "initiative", "invitation": "initiative", "initiative": "initiative",
                    "behest": "initiative", "suggestion": "initiative", "urging": "initiative",
                    "order": "order", "orders": "order"}}
POSSESSIVE_PRONOUNS = {"en": ("his", "her", "their", "its")}


HEARSAY = {"en": ("reportedly", "according to", "sources said", "sources say", "source said", "sources told",
                  "people familiar", "familiar with the matter", "unnamed", "anonymous", "cited by",
                  "is understood", "it was reported", "was quoted", "sources close"),
           # the reporting conditional and "soll" say "reportedly" in a verb: "soll gesagt haben", "aurait dit"
           "de": ("laut", "zufolge", "berichtet", "nach angaben", "soll", "sollen"),
           "es": ("según", "fuentes", "informó", "habría", "habrían"),
           "fr": ("selon", "d'après", "de sources", "aurait", "auraient"),
           "it": ("secondo", "stando a", "fonti", "avrebbe", "avrebbero", "sarebbe"),
           "pt": ("segundo", "de acordo com", "fontes", "teria", "teriam"),
           "nl": ("volgens", "bronnen", "naar verluidt", "zou hebben", "zouden hebben"),
           "ja": ("によると", "によれば", "関係者", "消息筋", "と報じた", "複数の"),
           "zh": ("据悉", "据报道", "据了解", "知情人士", "消息人士", "援引"),
           "ko": ("에 따르면", "소식통", "관계자", "전해졌다", "알려졌다")}
# Words that say the speaker denies, refuses to say, or states.
# A denial worded as a verdict on the claim: "said the report was 'completely false'", "called it
# baseless", "la información es totalmente falsa". Stances build "<copula> [<degree>] <verdict>" from these.
DENIAL_VERDICTS = {
    "en": ("false", "untrue", "not true", "baseless", "groundless", "unfounded", "fabricated", "a fabrication",
           "nonsense", "fake news", "a lie", "inaccurate", "not accurate", "incorrect", "without foundation",
           "without basis"),  # not "wrong" ("it was wrong to invade"), "fake" ("such as fake accounts"), "lies"
    "de": ("falsch", "unwahr", "nicht wahr", "haltlos", "unbegründet", "erfunden", "frei erfunden"),
    "es": ("falso", "falsa", "falsos", "falsas", "infundado", "infundada", "no es cierto", "mentira"),
    "fr": ("faux", "fausse", "fausses", "infondé", "infondée", "sans fondement", "pas vrai", "mensonger"),
}
DENIAL_COPULAS = {
    "en": ("is", "was", "are", "were", "be", "been", "as", "called it", "called them", "called the report",
           "called the claims", "called the allegations"),
    "de": ("ist", "sei", "war", "seien", "als"),
    "es": ("es", "era", "fue", "son", "eran", "como"),
    "fr": ("est", "était", "sont", "étaient", "comme"),
}
DEGREE_ADVERBS = {
    "en": ("completely", "totally", "entirely", "absolutely", "utterly", "simply", "patently", "categorically",
           "wholly", "clearly", "flatly"),
    "de": ("völlig", "komplett", "absolut", "vollkommen", "schlicht"),
    "es": ("totalmente", "completamente", "absolutamente", "rotundamente"),
    "fr": ("totalement", "complètement", "absolument", "entièrement"),
}
STANCE_WORDS = {
    "denies": {"en": ("denied", "denies", "deny", "denying", "dismissed", "rejected the report", "rejected reports",
                      "debunked", "disproved", "disputed", "disputes", "refutes", "refuting",
                      "rejected the claim", "rejected claims", "refuted", "rebuffed", "was not true", "is not true",
                      "was untrue", "is untrue", "is false", "was false", "fake news", "no truth", "baseless",
                      "categorically", "never said", "did not say", "didn't say", "there was no", "there is no",
                      "rejected the claims", "rejected the allegations", "rejected the accusations",
                      "rejected the reports", "as false", "as baseless", "as untrue", "as fabricated"),
               "de": ("dementiert", "dementierte", "bestritt", "bestreitet", "wies zurück", "zurückgewiesen",
                      "nicht wahr", "falsch"),
               "es": ("negó", "niega", "desmintió", "desmiente", "rechazó", "no es cierto", "falso"),
               "fr": ("démenti", "dément", "nié", "nie", "a rejeté", "pas vrai", "faux"),
               "it": ("ha smentito", "smentito", "smentisce", "ha negato", "nega", "negato", "ha respinto",
                      "non è vero", "falso", "falsa", "infondata", "infondate"),
               "pt": ("negou", "nega", "desmentiu", "desmente", "rejeitou", "não é verdade", "falso", "falsa"),
               "nl": ("ontkende", "ontkent", "ontkend", "wees van de hand", "niet waar", "onwaar", "onzin"),
               "ja": ("否定した", "否定している", "否定し", "否定", "事実ではない", "事実無根", "反論した", "否認した"),
               "zh": ("否认", "驳斥", "不属实", "纯属捏造", "毫无根据", "并非事实", "予以否认"),
               "ko": ("부인했다", "부인하며", "부인한", "사실이 아니다", "사실무근", "반박했다", "일축했다")},
    "declines": {"en": ("declined to comment", "declined to say", "declined to confirm", "declined to discuss",
                        "declined to elaborate", "declined to specify", "declined to disclose", "declined to give",
                        "declined comment", "declined to answer", "declined to reveal", "declined to provide",
                        "refused to comment", "refused to confirm", "refused to say", "would not say",
                        "would not confirm", "would not comment", "wouldn't say", "wouldn't confirm",
                        "did not respond", "didn't respond", "did not comment", "did not immediately respond",
                        "did not reply", "no comment", "not immediately available", "could not be reached",
                        "declined to", "would neither confirm nor deny", "neither confirmed nor denied",
                        "refused to disclose", "did not confirm", "didn't confirm", "did not disclose",
                        "did not specify", "did not elaborate", "not disclosed", "not confirmed",
                        "refrain from commenting", "refrained from commenting", "refrain from comment",
                        "offered no specific details", "gave no details", "provided no details"),
                 "de": ("wollte sich nicht äußern", "äußerte sich nicht", "lehnte eine stellungnahme ab",
                        "kein kommentar", "wollte nicht bestätigen", "ließ offen"),
                 "es": ("declinó comentar", "no quiso comentar", "no quiso confirmar", "se negó a comentar",
                        "sin comentarios", "no respondió"),
                 "fr": ("n'a pas souhaité", "a refusé de commenter", "sans commentaire", "n'a pas voulu",
                        "n'a pas répondu"),
                 "it": ("non ha voluto commentare", "ha rifiutato di commentare", "nessun commento",
                        "non ha commentato", "non ha risposto", "ha declinato"),
                 "pt": ("não quis comentar", "se recusou a comentar", "recusou-se a comentar", "não respondeu",
                        "não comentou", "sem comentários"),
                 "nl": ("wilde niet reageren", "gaf geen commentaar", "wilde geen commentaar geven",
                        "reageerde niet", "geen commentaar"),
                 "ja": ("コメントを控えた", "コメントを差し控えた", "コメントを控え", "回答を控えた", "言及を避けた",
                        "明らかにしなかった", "明らかにしていない", "明らかにしていません", "詳細は明らかにしていない",
                        "コメントしなかった", "回答しなかった"),
                 "zh": ("拒绝置评", "不予置评", "未予置评", "未予回应", "没有回应", "未作回应", "未透露", "拒绝透露",
                        "未回应"),
                 "ko": ("언급을 피했다", "답변을 거부했다", "논평을 거부했다", "밝히지 않았다", "확인하지 않았다",
                        "언급하지 않았다", "답하지 않았다", "확인을 거부했다")},
}


def with_cjk(table: dict, language: str | None) -> dict:
    """A table's entries for a source's language(s) plus its Japanese and Chinese ones (CJK_LANGUAGES)."""
    out: dict = {}
    for lang in CJK_LANGUAGES + tuple(reversed(languages_for(language))):
        entry = table.get(lang, ())
        out.update(entry if isinstance(entry, dict) else {word: True for word in entry})
    return out


def languages_for(language: str | None) -> tuple[str, ...]:
    """The languages whose words a source may use: its own plus English (quoted names, units, codes).

    An unknown language reads as English: merging every language would make Spanish "once"
    eleven in an English sentence.
    """
    if not language:
        return ("en",)
    base = language.lower().split("-")[0].split("_")[0]
    return (base, "en") if base != "en" else ("en",)


def content_words(words, language: str | None = None) -> set[str]:
    """The words that say what a sentence is about: not function words of its languages, and three letters
    or more unless they are digits ("25", "g7" count; "of", "s" do not). Words must be folded (lowercase)."""
    common = _function_words(language)
    return {w for w in words if w not in common and (len(w) >= 3 or any(c.isdigit() for c in w))}


@lru_cache(maxsize=64)
def _function_words(language: str | None) -> frozenset[str]:
    return frozenset().union(*(FUNCTION_WORDS.get(lang, ()) for lang in languages_for(language)))


@lru_cache(maxsize=None)
def merged(table_name: str, language: str | None) -> dict:
    """One table's words for a source's language(s), merged into one mapping (first language wins)."""
    table = globals()[table_name]
    out: dict = {}
    for lang in reversed(languages_for(language)):
        entry = table.get(lang)
        if isinstance(entry, dict):
            out.update(entry)
        elif entry:
            out.update({word: True for word in entry})
    return out


@lru_cache(maxsize=None)
def weekday_words(language: str | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for lang in languages_for(language):
        out.update({name: i for i, name in enumerate(WEEKDAYS.get(lang, ()))})
        out.update(WEEKDAY_VARIANTS.get(lang, {}))
    return out


@lru_cache(maxsize=None)
def month_words(language: str | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for lang in languages_for(language):
        out.update({name: i + 1 for i, name in enumerate(MONTHS.get(lang, ()))})
        out.update(MONTH_VARIANTS.get(lang, {}))
    return out


@lru_cache(maxsize=None)
def antonym_pairs(language: str | None) -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair) for lang in languages_for(language) for pair in ANTONYMS.get(lang, ()))


_CJK = re.compile("[\u3005-\u9fff\uac00-\ud7a3]")


def is_cjk(text: str) -> bool:
    """Does the text hold a kanji, kana or hangul (Japanese, Chinese or Korean writing)?"""
    return _CJK.search(text) is not None


def at_word_edges(pattern: str) -> str:
    """`pattern` where it stands as whole words. Japanese and Chinese have no spaces, so where the words
    hold a kanji or kana, a kanji or kana next to them is an edge too ("報道を否定した"); Latin-only words
    keep the plain edges, which compile several times faster. Korean particles attach to the word before
    them ("소식통에 따르면"), so hangul counts as an edge too."""
    if is_cjk(pattern):
        return rf"(?<!(?-i:[^\W\u3005-\u9fff\uac00-\ud7a3]))(?:{pattern})(?!(?-i:[^\W\u3005-\u9fff\uac00-\ud7a3]))"
    return rf"(?<!\w)(?:{pattern})(?!\w)"


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (so "more than" wins over "more")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def decimal_comma(language: str | None) -> bool | None:
    """True for 2,5 = two and a half; False for 2,500 = two thousand five hundred; None when unknown."""
    if not language:
        return None
    return language.lower().split("-")[0].split("_")[0] in DECIMAL_COMMA


def phrases(table: dict[str, object], language: str | None) -> list[tuple[str, object]]:
    """(phrase, meaning) longest first, for matching at word boundaries."""
    items: dict[str, object] = {}
    for lang in reversed(languages_for(language)):
        entry = table.get(lang, {})
        items.update(entry if isinstance(entry, dict) else {w: True for w in entry})
    return sorted(items.items(), key=lambda kv: -len(kv[0]))


# Units as data. A unit word maps to one or more readings (dimension, base, factor, system, symbol):
# `factor` converts to the base unit of the dimension; two readings mean the word is ambiguous
# ("pounds": mass or money) and only the claim's `unit:` can choose. Temperatures carry an offset
# (base °C: value * factor + offset). Conversion factors are cross-checked against pint in the tests.
UNIT_ROWS = [
    # dimension, base, factor, system, symbol, names (comma-separated; a name may have several words)
    ("time", "s", 1, None, "s",
     "s, sec, secs, second, seconds, sekunde, sekunden, segundos, seconde, secondes, secondi, 秒, 秒間, 秒钟, 초, 초간"),
    ("time", "s", 60, None, "min", "min, mins, minute, minutes, minuten, minuto, minutos, minuti, 分, 分間, 分钟, 分鐘, 분, 분간"),
    ("time", "s", 3600, None, "h",
     "h, hr, hrs, hour, hours, stunde, stunden, hora, horas, heure, heures, ora, ore, uur, 時間, 小时, 小時, 个小时, 시간"),
    ("time", "s", 86400, None, "days",
     "day, days, tag, tage, tagen, día, días, dia, dias, jour, jours, giorno, giorni, dag, dagen, 日間, 天, 일간"),
    ("time", "s", 604800, None, "weeks",
     "week, weeks, woche, wochen, semana, semanas, semaine, semaines, settimana, settimane, weken, 週間"),
    ("time", "s", 1209600, None, "fortnights", "fortnight, fortnights"),
    ("time", "month", 1, None, "months",
     "month, months, monat, monate, monaten, mes, meses, mois, mese, mesi, maand, maanden, か月, カ月, ヶ月, ヵ月, "
     "か月間, カ月間, ヶ月間, 个月"),
    ("time", "month", 3, None, "quarters", "quarter-year"),
    ("time", "month", 12, None, "years",
     "year, years, yr, yrs, jahr, jahre, jahren, año, años, ano, anos, an, ans, année, années, anno, "
     "anni, jaar, jaren, 年間"),
    ("time", "month", 120, None, "decades",
     "decade, decades, jahrzehnt, jahrzehnte, década, décadas, décennie, décennies"),
    ("time", "month", 1200, None, "centuries", "century, centuries, jahrhundert, siglo, siglos, siècle, siècles"),
    ("length", "m", 0.001, "metric", "mm", "mm, millimetre, millimetres, millimeter, millimeters, millimeter"),
    ("length", "m", 0.01, "metric", "cm", "cm, centimetre, centimetres, centimeter, centimeters, zentimeter"),
    ("length", "m", 1, "metric", "m", "metre, metres, meter, meters, metro, metros, mètre, mètres"),
    ("length", "m", 1000, "metric", "km",
     "km, kms, kilometre, kilometres, kilometer, kilometers, kilómetro, kilómetros, kilomètre, "
     "kilomètres, chilometri"),
    ("length", "m", 0.0254, "imperial", "in", "inch, inches"),
    ("length", "m", 0.3048, "imperial", "ft", "ft, foot, feet"),
    ("length", "m", 0.9144, "imperial", "yd", "yd, yard, yards"),
    ("length", "m", 1609.344, "imperial", "mi", "mi, mile, miles, meile, meilen, milla, millas"),
    ("length", "m", 1852, "nautical", "nmi", "nautical miles, nautical mile, nmi, seemeile, seemeilen"),
    ("area", "m2", 1e6, "metric", "km²",
     "kilómetros cuadrados, square kilometres, square kilometers, square kilometre, square kilometer, "
     "sq km, km², km2, quadratkilometer"),
    ("area", "m2", 1, "metric", "m²",
     "metros cuadrados, square metres, square meters, square metre, square meter, sq m, m², m2, "
     "quadratmeter"),
    ("area", "m2", 1e4, "metric", "ha", "ha, hectare, hectares, hektar, hectárea, hectáreas"),
    ("area", "m2", 4046.8564224, "imperial", "acres", "acre, acres"),
    ("area", "m2", 2589988.110336, "imperial", "sq mi", "square miles, square mile, sq mi"),
    ("area", "m2", 0.09290304, "imperial", "sq ft", "square foot, square feet, sq ft"),
    ("volume", "m3", 0.001, "metric", "l", "litre, litres, liter, liters, liter, litro, litros"),
    ("volume", "m3", 1e-6, "metric", "ml", "ml, millilitre, millilitres, milliliter, milliliters"),
    ("volume", "m3", 1, "metric", "m³", "cubic metres, cubic meters, cubic metre, cubic meter, m³, m3, kubikmeter"),
    ("volume", "m3", 0.003785411784, "imperial", "gal", "gallon, gallons"),
    ("volume", "m3", 0.158987294928, "imperial", "bbl", "barrel, barrels, bbl"),
    ("mass", "kg", 0.001, "metric", "g", "g, gram, grams, gramm, gramo, gramos, gramme, grammes"),
    ("mass", "kg", 1, "metric", "kg", "kg, kgs, kilogram, kilograms, kilogramm, kilo, kilos, kilogramo, kilogramos"),
    ("mass", "kg", 1000, "metric", "t", "metric tons, metric ton, t, tonne, tonnes, tonnen, tonelada, toneladas"),
    ("mass", "kg", 0.45359237, "imperial", "lb", "lb, lbs, pound, pounds"),
    ("mass", "kg", 0.028349523125, "imperial", "oz", "oz, ounce, ounces"),
    ("speed", "m/s", 1 / 3.6, "metric", "km/h",
     "kilometres per hour, kilometers per hour, km per hour, km/h, kmh, kph, kmph, km/std, "
     "stundenkilometer"),
    ("speed", "m/s", 1, "metric", "m/s", "metres per second, meters per second, m/s"),
    ("speed", "m/s", 0.44704, "imperial", "mph", "miles per hour, mph"),
    ("speed", "m/s", 1852 / 3600, "nautical", "kn", "knot, knots, kn, kt, kts"),
    ("temperature", "°C", 1, "metric", "°C",
     "grados centígrados, degrees celsius, degree celsius, grados celsius, degrés celsius, grad celsius, "
     "degrees c, ° c, °c, celsius, centigrade, °"),
    ("temperature", "°F", 1, "imperial", "°F", "degrees fahrenheit, degree fahrenheit, degrees f, ° f, °f, fahrenheit"),
    ("temperature", "K", 1, "metric", "K", "kelvin, kelvins"),
    ("percent", "%", 1, None, "%",
     "por ciento, pour cent, per cento, por cento, per cent, %, percent, pct, prozent, procent, ％, パーセント"),
    ("points", "pp", 1, None, "pp",
     "points de pourcentage, point de pourcentage, puntos porcentuales, percentage points, "
     "percentage point, punto porcentual, pp, ppt, ppts, prozentpunkt, prozentpunkte, prozentpunkten, ％ポイント, "
     "パーセントポイント, 个百分点, 百分点, "
     "punti percentuali, punto percentuale, pontos percentuais, ponto percentual, procentpunt, procentpunten"),
    ("points", "pp", 0.01, None, "bp",
     "puntos básicos, points de base, point de base, basis points, punto básico, basis point, bp, bps, "
     "basispunkt, basispunkte, basispunkten, punti base, punto base, puntos base, pontos-base, ponto-base, "
     "pontos base, ponto base, pontos básicos, ponto básico, basispunt, basispunten, pb, pdb, ベーシスポイント, 个基点, 基点"),
    ("index", "pt", 1, None, "points", "point, points, pt, pts, punkt, punkte, punkten, punto, puntos"),
    ("degree", "deg", 1, None, "degrees", "degree, degrees, grad, grados, degrés"),
]
# Temperatures convert through °C: value * factor + offset.
TEMPERATURE_TO_C = {"°C": (1.0, 0.0), "°F": (5 / 9, -32 * 5 / 9), "K": (1.0, -273.15)}
# Written right after digits with no space, a letter is a unit only in these readings: 45C, 10F, 5K (thousand).
ATTACHED_UNITS = {"c": "°c", "f": "°f"}
# Units whose base differs but whose dimension is one: convertible only as a range (a month is 28–31 days).
INEXACT_BASES = {("time", "month", "s"): (28 * 86400, 31 * 86400)}

# currency word/symbol -> ISO code; "pounds" and "$" are resolved where they stand.
CURRENCY_BEFORE = {"$": "USD", "us$": "USD", "usd": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
                   "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "r$": "BRL", "€": "EUR", "eur": "EUR", "£": "GBP",
                   "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR",
                   "re": "INR", "cny": "CNY", "rmb": "CNY", "chf": "CHF", "aud": "AUD", "cad": "CAD", "₩": "KRW",
                   "krw": "KRW", "₽": "RUB", "rub": "RUB", "mxn": "MXN", "brl": "BRL"}
CURRENCY_AFTER = {"usd": "USD", "dollars": "USD", "dollar": "USD", "dólares": "USD", "dólar": "USD",
                  "us-dollar": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR", "gbp": "GBP", "sterling": "GBP",
                  "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rupees": "INR",
                  "rupee": "INR", "inr": "INR", "chf": "CHF", "francs": "franc", "won": "KRW", "rubles": "RUB",
                  "roubles": "RUB", "reais": "BRL", "pesos": "peso", "rand": "ZAR", "naira": "NGN", "円": "JPY",
                  "ドル": "USD", "米ドル": "USD", "ユーロ": "EUR", "元": "CNY", "ウォン": "KRW", "ポンド": "GBP",
                  "美元": "USD", "欧元": "EUR", "日元": "JPY", "人民币": "CNY", "원": "KRW", "달러": "USD"}
# Words that are a unit and a currency at once: only the claim's `unit:` can choose.
CURRENCY_OR_UNIT = {"pound": "GBP", "pounds": "GBP"}
