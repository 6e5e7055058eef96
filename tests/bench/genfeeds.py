#!/usr/bin/env python3
"""Write a synthetic feed corpus for the poll benchmark.

genfeeds.py --feeds 100 --items 500 [--mix full|light] --out DIR writes
DIR/feed-NNN.xml:
RSS 2.0 (60%), Atom 1.0 (30%) and RSS 1.0 (10%) in English, French,
German, Spanish and Russian, with full HTML bodies.  The same --seed and
--now always give the same bytes.  Standard library only.
"""

import argparse
import datetime
import html
import os
import random
import re
import sys

# A few hundred everyday words per language; text is drawn from these.
WORDS = {
    "en": """
the of and to in a is that for it as was with be by on not he this are or
his from at which but have an they you were her she there been one all we
their has would when if so no will more can out up about into them some
could time two than first other its new these like only people year also
made city council water harbour road school bridge market river town street
village station morning evening night week month season winter summer
spring autumn rain wind snow storm coast hill valley field farm garden park
library museum theatre music concert festival team match game player
coach club league season goal result score train bus ferry airport
traffic police fire hospital doctor nurse patient health care child family
mother father student teacher class lesson book paper report plan budget
money tax price cost rent house home flat building project work worker job
company shop business owner customer service office manager board member
meeting vote election mayor minister government law court judge case trial
officer resident neighbour community group volunteer charity church hall
centre square corner side north south east west local national public private
old young small large long short high low early late good better best bad
free open closed busy quiet warm cold wet dry bright dark clear new fresh
said says told asked added called found made took gave came went saw knew
thought looked wanted used worked started opened closed moved turned kept
brought began seemed helped showed heard played ran paid met left stayed
built planned agreed decided expected hoped needed reported announced
because while after before during since until although where around between
against without through across along behind near over under again still
already almost never always often soon today yesterday tomorrow later here
""",
    "fr": """
le la les un une des de du et à en est que qui dans pour pas sur au
avec il elle ils elles nous vous on ce cette ces son sa ses leur leurs
mais ou donc plus très tout tous toute bien aussi encore déjà toujours
jamais souvent bientôt hier demain aujourd'hui ici là après avant pendant
depuis entre sans sous vers chez contre selon malgré comme quand si
ville mairie conseil quartier rue place pont fleuve rivière quai port gare
train tramway bus vélo voiture route marché boulanger café restaurant
école collège lycée université élève étudiant professeur classe cours
livre journal article rapport projet budget prix coût loyer logement maison
appartement immeuble chantier travaux entreprise usine commerce magasin
client salarié emploi travail métier réunion vote élection maire adjoint
habitant voisin association bénévole fête festival concert théâtre musée
bibliothèque cinéma spectacle musique chanson artiste peintre photographe
équipe match joueur entraîneur saison but victoire défaite stade piscine
santé hôpital médecin infirmière patient famille enfant mère père ami
matin soir nuit semaine mois année hiver été printemps automne pluie vent
neige orage brouillard soleil montagne colline vallée vigne forêt jardin
parc lac eau air terre pierre bois fer verre papier lumière couleur
grand petit nouveau vieux jeune long court haut bas premier dernier bon
meilleur mauvais beau chaud froid calme bruyant ouvert fermé public privé
a dit a annoncé a expliqué a précisé a ajouté a rappelé a décidé a voté
fait prend donne vient va voit sait pense regarde veut utilise travaille
commence ouvre ferme ouvre construit prépare attend espère propose reste
part arrive passe suit trouve garde porte change montre entend joue paie
""",
    "de": """
der die das ein eine und ist zu in den dem des nicht mit sich auf für von
auch es an als er sie wir ihr man noch nach bei aus um wie aber oder nur
wenn schon so dann doch weil über unter vor hinter neben zwischen ohne
gegen durch seit bis während trotz heute gestern morgen bald oft immer nie
wieder hier dort jetzt damals sehr mehr viel wenig ganz etwa fast gerade
Stadt Rathaus Gemeinderat Bürgermeisterin Viertel Straße Platz Brücke Fluss
Ufer Hafen Bahnhof Zug Straßenbahn Bus Fahrrad Auto Markt Bäckerei Café
Gasthaus Schule Gymnasium Universität Schüler Lehrerin Klasse Unterricht
Buch Zeitung Bericht Plan Haushalt Preis Kosten Miete Wohnung Haus Gebäude
Baustelle Arbeit Betrieb Firma Laden Kunde Mitarbeiter Stelle Sitzung
Abstimmung Wahl Verein Nachbar Einwohner Ehrenamt Fest Konzert Theater
Museum Bibliothek Kino Ausstellung Musik Lied Künstlerin Maler Fotograf
Mannschaft Spiel Spieler Trainer Saison Tor Sieg Niederlage Stadion Halle
Gesundheit Krankenhaus Ärztin Pflege Familie Kind Mutter Vater Freund
Morgen Abend Nacht Woche Monat Jahr Winter Sommer Frühling Herbst Regen
Wind Schnee Nebel Sonne Berg Hügel Tal Weinberg Wald Garten Park See
Wasser Luft Erde Stein Holz Glas Papier Licht Farbe Straßenfest
groß klein neu alt jung lang kurz hoch niedrig erste letzte gut besser
schlecht schön warm kalt ruhig laut offen geschlossen öffentlich privat
sagte erklärte kündigte betonte meinte entschied beschloss hat wird kann
muss soll will darf macht nimmt gibt kommt geht sieht weiß denkt schaut
arbeitet beginnt öffnet schließt baut plant wartet hofft bleibt fährt
läuft spielt zahlt trifft zeigt hört bringt hält steht liegt sitzt
""",
    "es": """
el la los las un una unos unas de del y a en que es por con para no se
su sus al lo como más pero o si ya muy también todo todos toda cuando
donde mientras después antes durante desde hasta entre sin sobre contra
según hoy ayer mañana pronto siempre nunca aquí allí ahora entonces casi
ciudad ayuntamiento concejo barrio calle plaza puente río orilla puerto
estación tren tranvía autobús bicicleta coche carretera mercado panadería
bar restaurante escuela instituto universidad alumno profesora clase
libro periódico informe plan presupuesto precio coste alquiler vivienda
casa piso edificio obra trabajo empresa fábrica tienda cliente empleo
reunión votación elección alcaldesa concejal vecino vecina asociación
voluntario fiesta festival concierto teatro museo biblioteca cine
exposición música canción artista pintor fotógrafa equipo partido jugador
entrenador temporada gol victoria derrota estadio piscina salud hospital
médica enfermero paciente familia niño madre padre amigo mañana tarde
noche semana mes año invierno verano primavera otoño lluvia viento nieve
niebla sol montaña colina valle viñedo bosque jardín parque lago agua
aire tierra piedra madera vidrio papel luz color grande pequeño nuevo
viejo joven largo corto alto bajo primero último bueno mejor malo bonito
caliente frío tranquilo ruidoso abierto cerrado público privado dijo
explicó anunció afirmó añadió recordó decidió aprobó hace toma da viene
va ve sabe piensa mira quiere usa trabaja empieza abre cierra construye
prepara espera propone queda sale llega pasa sigue encuentra guarda lleva
cambia muestra oye juega paga
""",
    "ru": """
и в не на что с по как а к о из за у от это все так же для но он она они
мы вы его её их был была было были будет есть можно нужно уже ещё только
очень тоже также когда где если потому после перед во время до между без
над под через около против сегодня вчера завтра скоро всегда никогда здесь
там сейчас тогда почти город мэрия дума район улица площадь мост река
набережная порт вокзал поезд трамвай автобус велосипед машина дорога рынок
пекарня кафе столовая школа гимназия университет ученик учительница класс
урок книга газета отчёт план бюджет цена стоимость аренда жильё дом
квартира здание стройка работа предприятие завод магазин покупатель
сотрудник должность совещание голосование выборы глава депутат житель
сосед общество волонтёр праздник фестиваль концерт театр музей библиотека
кино выставка музыка песня художник фотограф команда матч игрок тренер
сезон гол победа поражение стадион бассейн здоровье больница врач
медсестра пациент семья ребёнок мать отец друг утро вечер ночь неделя
месяц год зима лето весна осень дождь ветер снег туман солнце гора холм
долина лес сад парк озеро вода воздух земля камень дерево стекло бумага
свет цвет большой маленький новый старый молодой длинный короткий высокий
низкий первый последний хороший лучший плохой красивый тёплый холодный
тихий шумный открытый закрытый общественный частный сказал объяснил
сообщил подчеркнул добавил напомнил решил утвердил делает берёт даёт
приходит идёт видит знает думает смотрит хочет работает начинает
открывает закрывает строит готовит ждёт надеется предлагает остаётся
""",
}

SITE_WORDS = {
    "en": ["Gazette", "Courier", "Herald", "Journal", "Notes", "Weekly", "Post"],
    "fr": ["Le Courrier", "La Gazette", "Le Journal", "Les Nouvelles",
           "L'Écho"],
    "de": ["Anzeiger", "Rundschau", "Kurier", "Tagblatt", "Notizen"],
    "es": ["El Diario", "La Gaceta", "El Correo", "Noticias", "La Voz"],
    "ru": ["Вестник", "Новости", "Курьер", "Ведомости", "Листок"],
}

FIRST = {
    "en": ["Ann", "Brian", "Clara", "David", "Emma", "Frank", "Grace", "Hugh",
           "Iris", "James", "Kate", "Liam", "Maya", "Noel", "Olive", "Paul"],
    "fr": ["Anne", "Bruno", "Claire", "Denis", "Élise", "François", "Hélène",
           "Jérôme", "Louise", "Marc", "Noémie", "Olivier", "Sophie"],
    "de": ["Anna", "Bernd", "Clara", "Dieter", "Elke", "Felix", "Greta",
           "Jürgen", "Katrin", "Lukas", "Maren", "Ole", "Sören"],
    "es": ["Ana", "Bruno", "Carmen", "Diego", "Elena", "Fernando", "Lucía",
           "Marta", "Nicolás", "Paula", "Raúl", "Sofía", "Tomás"],
    "ru": ["Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Ирина",
           "Кирилл", "Людмила", "Максим", "Ольга", "Павел", "Семён"],
}

LAST = {
    "en": ["Abbott", "Barker", "Cole", "Doyle", "Ellis", "Fraser", "Gill",
           "Hart", "Irwin", "Keane", "Lowe", "Marsh", "Nolan", "Price"],
    "fr": ["Arnaud", "Bertin", "Chevalier", "Dumas", "Fabre", "Garnier",
           "Lefèvre", "Marchand", "Noël", "Perrin", "Roux", "Vidal"],
    "de": ["Albrecht", "Becker", "Dietrich", "Engel", "Fuchs", "Groß",
           "Hoffmann", "Krüger", "Lorenz", "Möller", "Schäfer", "Wolff"],
    "es": ["Álvarez", "Blanco", "Castro", "Díaz", "Fuentes", "Gil",
           "Herrera", "Iglesias", "López", "Molina", "Núñez", "Ortega"],
    "ru": ["Андреев", "Белова", "Воронин", "Громова", "Данилов", "Ершова",
           "Жуков", "Зайцева", "Ильин", "Котова", "Лебедев", "Морозова"],
}

LANGS = ["en", "fr", "de", "es", "ru"]
SENTENCES_PER_LANG = 3000
DAY = 86400
TAG = re.compile(r"<[^>]*>?")

RFC822_ZONES = [("+0000", 0), ("GMT", 0), ("+0100", 3600), ("-0500", -18000),
                ("+0300", 10800), ("-0800", -28800), ("+0530", 19800)]
RFC3339_ZONES = [("Z", 0), ("+01:00", 3600), ("+02:00", 7200),
                 ("-04:00", -14400), ("+03:00", 10800)]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
          "Oct", "Nov", "Dec"]


def words_of(lang):
    return WORDS[lang].split()


def make_sentence(rng, words, lang):
    """One sentence as (html, word count); a few carry inline markup."""
    n = rng.randint(6, 24)
    w = rng.choices(words, k=n)
    w[0] = w[0][:1].upper() + w[0][1:]
    r = rng.random()
    if r < 0.06:
        i = rng.randrange(n)
        w[i] = "<em>" + w[i] + "</em>"
    elif r < 0.10:
        i = rng.randrange(n)
        w[i] = '<a href="https://ref-%d.example/%s/%d">%s</a>' % (
            rng.randrange(50), lang, rng.randrange(100000), w[i])
    end = "." if rng.random() < 0.9 else rng.choice(["?", "!", "…"])
    sep = ", " if n > 12 else " "
    half = n // 2
    text = " ".join(w[:half]) + sep + " ".join(w[half:]) + end
    return text, n


def sentence_pools(seed):
    pools = {}
    for lang in LANGS:
        rng = random.Random("%s-sentences-%s" % (seed, lang))
        words = words_of(lang)
        pools[lang] = [make_sentence(rng, words, lang)
                       for _ in range(SENTENCES_PER_LANG)]
    return pools


def body_length(rng, mix):
    """
    Words in one item.  "light": half carry a summary, a third a short
    article, the rest the full text of a long one (median ~60, mean ~230;
    real feeds measured, 102 entries of 65 captured feeds, have a median
    of 27 and a mean of 100).  "full" (the default): as full-content
    feeds are, most items carry the whole article, beside a share of
    summaries and short pieces (mean ~520 words).
    """
    r = rng.random()
    if mix == "light":
        if r < 0.50:
            return rng.randint(15, 60)
        if r < 0.85:
            return rng.randint(80, 300)
        return rng.randint(400, 1500)
    if r < 0.30:
        return rng.randint(15, 60)
    if r < 0.50:
        return rng.randint(80, 300)
    return rng.randint(400, 1500)


def body_html(rng, pool, words, mix):
    """One to eight paragraphs of body_length words, now and then a list."""
    left = body_length(rng, mix)   # a sentence or a list may add more
    npara = max(1, min(rng.randint(3, 8), left // 40))
    paras = []
    for p in range(npara):
        per = left // (npara - p)
        got = 0
        sents = []
        while got < per:
            s, n = pool[rng.randrange(len(pool))]
            sents.append(s)
            got += n
        left -= got
        paras.append("<p>" + " ".join(sents) + "</p>")
        if p == 1 and rng.random() < 0.15:
            items = ["<li>" + " ".join(rng.choices(words, k=rng.randint(3, 7)))
                     + "</li>" for _ in range(rng.randint(2, 5))]
            paras.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(paras)


def title_of(rng, words):
    w = rng.choices(words, k=rng.randint(5, 12))
    return (w[0][:1].upper() + w[0][1:] + " " + " ".join(w[1:]))


def rfc822(t, rng):
    name, off = rng.choice(RFC822_ZONES)
    d = datetime.datetime.fromtimestamp(t + off, datetime.timezone.utc)
    return "%s, %02d %s %d %02d:%02d:%02d %s" % (
        DAYS[d.weekday()], d.day, MONTHS[d.month - 1], d.year,
        d.hour, d.minute, d.second, name)


def rfc3339(t, rng):
    name, off = rng.choice(RFC3339_ZONES)
    d = datetime.datetime.fromtimestamp(t + off, datetime.timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + name


def esc(s):
    return html.escape(s, quote=False)


class Feed:
    """What every item of one feed shares."""

    def __init__(self, n, kind, seed, now):
        self.n = n
        self.rng = random.Random("%s-feed-%d" % (seed, n))
        rng = self.rng
        self.kind = kind
        self.lang = LANGS[n % len(LANGS)]
        self.words = words_of(self.lang)
        self.domain = "site-%03d.example" % n
        self.link = "https://%s/" % self.domain
        self.title = "%s %s" % (rng.choice(SITE_WORDS[self.lang]),
                                rng.choice(self.words).capitalize())
        self.cats = rng.sample(self.words[40:], 8)
        self.authors = ["%s %s" % (rng.choice(FIRST[self.lang]),
                                   rng.choice(LAST[self.lang]))
                        for _ in range(rng.randint(2, 6))]
        self.now = now
        self.cdata = rng.random() < 0.5

    def items(self, count, pool, mix):
        """Yield dicts newest first, dates spread over 60 days."""
        rng = self.rng
        times = sorted((self.now - rng.randrange(60 * DAY)
                        for _ in range(count)), reverse=True)
        for i, t in enumerate(times):
            yield {
                "id": i,
                "t": t,
                "title": title_of(rng, self.words),
                "author": rng.choice(self.authors),
                "cats": rng.sample(self.cats, rng.randint(1, 3)),
                "url": "%s%s/%d/item-%03d-%05d.html" % (
                    self.link, self.lang,
                    datetime.datetime.fromtimestamp(
                        t, datetime.timezone.utc).year, self.n, i),
                "body": body_html(rng, pool, self.words, mix),
            }


def html_field(feed, body):
    if feed.cdata:
        return "<![CDATA[" + body + "]]>"
    return esc(body)


def rss2(feed, items):
    rng = feed.rng
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
           '<rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
           '<title>%s</title>\n<link>%s</link>\n'
           '<description>%s</description>\n<language>%s</language>\n'
           % (esc(feed.title), feed.link, esc(feed.title), feed.lang)]
    for it in items:
        cats = "".join("<category>%s</category>" % esc(c) for c in it["cats"])
        perm = rng.random() < 0.5
        guid = (it["url"] if perm else
                "%s-%03d-%05d" % (feed.domain, feed.n, it["id"]))
        desc = esc(TAG.sub("", it["body"][:400]).split(". ")[0]) + "."
        out.append(
            "<item>\n<title>%s</title>\n<link>%s</link>\n"
            '<guid isPermaLink="%s">%s</guid>\n<pubDate>%s</pubDate>\n'
            "<dc:creator>%s</dc:creator>\n%s\n"
            "<description>%s</description>\n"
            "<content:encoded>%s</content:encoded>\n</item>\n"
            % (esc(it["title"]), it["url"], "true" if perm else "false",
               guid, rfc822(it["t"], rng), esc(it["author"]), cats, desc,
               html_field(feed, it["body"])))
    out.append("</channel>\n</rss>\n")
    return out


def atom(feed, items):
    rng = feed.rng
    out = ['<?xml version="1.0" encoding="utf-8"?>\n'
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">\n'
           "<title>%s</title>\n<id>tag:%s,2026:feed</id>\n"
           '<link rel="alternate" href="%s"/>\n<updated>%s</updated>\n'
           % (feed.lang, esc(feed.title), feed.domain, feed.link,
              rfc3339(feed.now, rng))]
    for it in items:
        cats = "".join('<category term="%s"/>' % html.escape(c)
                       for c in it["cats"])
        pub = it["t"] - rng.randrange(DAY)
        out.append(
            "<entry>\n<title>%s</title>\n<id>tag:%s,2026:%03d-%05d</id>\n"
            '<link rel="alternate" href="%s"/>\n'
            "<published>%s</published>\n<updated>%s</updated>\n"
            "<author><name>%s</name></author>\n%s\n"
            '<content type="html">%s</content>\n</entry>\n'
            % (esc(it["title"]), feed.domain, feed.n, it["id"], it["url"],
               rfc3339(pub, rng), rfc3339(it["t"], rng), esc(it["author"]),
               cats, esc(it["body"])))
    out.append("</feed>\n")
    return out


def rss1(feed, items):
    items = list(items)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns="http://purl.org/rss/1.0/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
           '<channel rdf:about="%s">\n<title>%s</title>\n<link>%s</link>\n'
           "<description>%s</description>\n<dc:language>%s</dc:language>\n"
           "<items><rdf:Seq>\n"
           % (feed.link, esc(feed.title), feed.link, esc(feed.title),
              feed.lang)]
    out.extend('<rdf:li rdf:resource="%s"/>\n' % it["url"] for it in items)
    out.append("</rdf:Seq></items>\n</channel>\n")
    for it in items:
        out.append(
            '<item rdf:about="%s">\n<title>%s</title>\n<link>%s</link>\n'
            "<dc:date>%s</dc:date>\n<dc:creator>%s</dc:creator>\n"
            "<dc:subject>%s</dc:subject>\n"
            "<content:encoded>%s</content:encoded>\n</item>\n"
            % (it["url"], esc(it["title"]), it["url"],
               rfc3339(it["t"], feed.rng), esc(it["author"]),
               esc(it["cats"][0]), html_field(feed, it["body"])))
    out.append("</rdf:RDF>\n")
    return out


WRITERS = {"rss2": rss2, "atom": atom, "rss1": rss1}


def feed_kinds(count, seed):
    """Exactly 60% RSS 2.0, 30% Atom, 10% RSS 1.0, in a seeded order."""
    natom = round(count * 0.3)
    nrss1 = round(count * 0.1)
    kinds = (["atom"] * natom + ["rss1"] * nrss1 +
             ["rss2"] * (count - natom - nrss1))
    random.Random("%s-kinds" % seed).shuffle(kinds)
    return kinds


def write_feed(n, kind, args, pools):
    feed = Feed(n, kind, args.seed, args.now)
    parts = WRITERS[feed.kind](feed,
                               feed.items(args.items, pools[feed.lang],
                                          args.mix))
    path = os.path.join(args.out, "feed-%03d.xml" % n)
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(parts))
    return feed.kind


def parse_now(s):
    d = datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    if d.tzinfo is None:
        d = d.replace(tzinfo=datetime.timezone.utc)
    return int(d.timestamp())


def main():
    ap = argparse.ArgumentParser(
        description="Write a synthetic feed corpus for benchmarks.")
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--items", type=int, default=500)
    ap.add_argument("--out", required=True, help="directory to write into")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--mix", choices=("full", "light"), default="full",
                    help="article lengths: full-content feeds (mean ~520 "
                    "words) or mostly summaries (mean ~230)")
    ap.add_argument("--now", default="2026-11-29T12:00:00Z",
                    help="newest date in the corpus (ISO 8601)")
    args = ap.parse_args()
    if args.feeds < 1 or args.feeds > 999 or args.items < 1:
        ap.error("--feeds must be 1-999 and --items at least 1")
    try:
        args.now = parse_now(args.now)
    except ValueError:
        ap.error("--now is not an ISO 8601 date: %s" % args.now)
    try:
        os.makedirs(args.out, exist_ok=True)
        pools = sentence_pools(args.seed)
        kinds = feed_kinds(args.feeds, args.seed)
        for n, kind in enumerate(kinds, 1):
            write_feed(n, kind, args, pools)
    except OSError as e:
        print("genfeeds.py: cannot write the corpus in %s: %s"
              % (args.out, e.strerror), file=sys.stderr)
        return 2
    print("wrote %d feeds (%d RSS 2.0, %d Atom, %d RSS 1.0) of %d items to %s"
          % (args.feeds, kinds.count("rss2"), kinds.count("atom"),
             kinds.count("rss1"), args.items, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
