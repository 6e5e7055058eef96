/*
 * Fill an archive with N synthetic news items for the search benchmark:
 * 300-1,500 words each in English, French, German, Spanish or Russian.
 * Like news, each item is about a topic or two, whose words (inflected)
 * come back often in it and seldom elsewhere; the rest is stop words and
 * a long Zipf tail of rarer words.  Items go in through the store.
 *
 * usage: fill-archive ARCHIVE N [SEED]
 * An archive that holds items already is filled up to N.  FILL_WORDS=A-B
 * in the environment sets other body lengths (the reader's benchmark,
 * which never reads bodies, fills a million short items).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "util.h"

#define FILL_FEEDS	200
#define FILL_BATCH	2000
#define FILL_LEXICON	200000	/* background words per language */
#define FILL_TOPIC	40	/* in 1,000 words: one of the item's topics */
#define FILL_STRAY	2	/* in 1,000 words: any topic word */

struct fill_lang {
	const char	*code;
	const char	*stop;		/* most frequent words, by spaces */
	const char	*stems;		/* common stems */
	const char	*endings;	/* inflections, "" first */
	const char	*syllables;	/* for the rare words */
	char		**words;		/* background, by frequency */
	double		*cdf;
	size_t		 nwords;
	char		**topics;		/* stems */
	double		*topic_cdf;
	size_t		 ntopics;
	char		**inflections;
	size_t		 ninflections;
};

static struct fill_lang fill_langs[] = {
	{ "en",
	  "the of and to in a is that for on was with said as at by it from "
	  "be have has are were this which but not after will their they "
	  "been its about who more than",
	  "negotiat talk minist parliament elect vote budget tax school "
	  "hospital doctor nurse court judge police train station bridge "
	  "river harbour port ship market price farm farmer harvest storm "
	  "flood weather council mayor citizen street road museum festival "
	  "concert player team match season coach stadium company worker "
	  "strike union wage energy oil gas power plant report research "
	  "scientist univers student teacher border refuge govern agreement "
	  "treaty summit leader protest crowd fire village city town law "
	  "bank loan rent house build construct repair plan project "
	  "announc decid invest develop",
	  " s ed ing er ers ment ments ion ions",
	  "ka ro mi ten bel dor an sel vi ko tra lum ber gen fal wick ham "
	  "ston ley ford mar ",
	  NULL, NULL, 0, NULL, NULL, 0, NULL, 0 },
	{ "fr",
	  "de la le et les des en un une du que est pour dans qui sur au "
	  "par pas plus avec ne se sont ce il elle ont aux mais ou été son "
	  "sa ses leur cette",
	  "négoci discut ministr parlement élect vot budget impôt école "
	  "hôpital médecin infirmi tribunal juge polic train gare pont "
	  "fleuv port navir march prix ferm agricult récolt tempêt inond "
	  "météo conseil mair citoyen ru rout musé festival concert joueur "
	  "équip match saison entraîn stad entrepris travaill grév syndicat "
	  "salair énergi pétrol gaz centrale rapport recherch chercheur "
	  "universit étudiant enseign frontièr réfugi gouvern accord traité "
	  "sommet dirigeant manifest foul incendi villag vill loi banqu prêt "
	  "loyer maison construi répar plan projet annonc décid investi "
	  "développ",
	  " e es s er é ée ent ait ation ations eur eurs",
	  "ba ri lo mon vel ché gar tou pla ren sau bel fou lin mar ville "
	  "court ac ",
	  NULL, NULL, 0, NULL, NULL, 0, NULL, 0 },
	{ "de",
	  "der die und in den von zu das mit sich des auf für ist im dem "
	  "nicht ein eine als auch es an wird aus er hat dass sie nach bei "
	  "über wurde noch wie einer sind",
	  "verhandl gespräch minist parlament wahl abstimm haushalt steuer "
	  "schul krankenhaus arzt pfleg gericht richter polizei zug bahnhof "
	  "brück fluss hafen schiff markt preis bauer ernt sturm hochwass "
	  "wetter stadtrat bürgermeist bürger straß museum fest konzert "
	  "spiel mannschaft saison trainer stadion unternehm arbeit streik "
	  "gewerkschaft lohn energi öl strom kraftwerk bericht forsch "
	  "wissenschaft universität student lehr grenz flüchtling regier "
	  "abkomm vertrag gipfel protest brand dorf stadt gesetz bank kredit "
	  "miet haus bau reparatur plan projekt ankündig entscheid "
	  "investition entwickl",
	  " en e er es ung ungen ern t te ten",
	  "ber lin gen hau sen dorf burg wal ter mann heim stein bach feld "
	  "kir ch rö ",
	  NULL, NULL, 0, NULL, NULL, 0, NULL, 0 },
	{ "es",
	  "de la que el en y a los del se las por un para con no una su al "
	  "es lo como más pero sus le ya o este ha también fue entre sobre "
	  "según",
	  "negoci convers ministr parlament elec vot presupuest impuest "
	  "escuel hospital médic enfermer tribunal juez polic tren estación "
	  "puent río puert barc mercad preci granj agricultor cosech "
	  "torment inund clim ayuntamient alcald ciudadan call carreter "
	  "muse festival conciert jugador equip partid temporad entrenador "
	  "estadi empres trabaj huelg sindicat salari energí petróle gas "
	  "central inform investig científic universidad estudiant maestr "
	  "fronter refugi gobiern acuerd tratad cumbr líder protest "
	  "multitud incendi puebl ciudad ley banc préstam alquiler cas "
	  "constru repar plan proyect anunci decid invers desarroll",
	  " o a os as ar ado ó aron ción ciones es",
	  "ca sa ti ma gor nez ro val ler mon ta dor lu pe san ve ria ",
	  NULL, NULL, 0, NULL, NULL, 0, NULL, 0 },
	{ "ru",
	  "и в не на что с по к как из за от это он она они о для года его "
	  "все так но также был была при уже до или бы",
	  "переговор обсужден министр парламент выбор голосован бюджет "
	  "налог школ больниц врач медсестр суд судь полици поезд вокзал "
	  "мост рек порт корабл рын цен ферм фермер урожа бур наводнен "
	  "погод совет мэр гражданин улиц дорог музе фестивал концерт "
	  "игрок команд сезон тренер стадион компани рабоч забастовк "
	  "профсоюз зарплат энерги нефт газ электростанци доклад "
	  "исследован учён университет студент учител границ беженц "
	  "правительств соглашен договор саммит лидер протест толп пожар "
	  "деревн город закон банк кредит аренд дом строительств ремонт "
	  "план проект объявлен решен инвестици развити",
	  " а ы ов ами ах е ой у ом ей и",
	  "ка ро ми но ва ле ти го ра ни ков ск ин ер ма ту ",
	  NULL, NULL, 0, NULL, NULL, 0, NULL, 0 },
};

static uint64_t fill_state = 0x9e3779b97f4a7c15ULL;

static uint64_t
fill_random(void)
{
	fill_state ^= fill_state << 13;
	fill_state ^= fill_state >> 7;
	fill_state ^= fill_state << 17;
	return (fill_state);
}

static size_t
fill_between(size_t lo, size_t hi)
{
	return (lo + (size_t)(fill_random() % (hi - lo + 1)));
}

/* Split list on single spaces into a new array, empty fields kept. */
static char **
fill_split(const char *list, size_t *n)
{
	char		**out = NULL;
	const char	 *p = list, *space;
	size_t		  count = 0;

	for (;;) {
		out = xreallocarray(out, count + 2, sizeof *out);
		if ((space = strchr(p, ' ')) == NULL) {
			out[count++] = xstrdup(p);
			break;
		}
		out[count++] = xstrndup(p, (size_t)(space - p));
		p = space + 1;
	}
	out[count] = NULL;
	*n = count;
	return (out);
}

static void
fill_free_list(char **list)
{
	size_t	 i;

	for (i = 0; list[i] != NULL; i++)
		free(list[i]);
	free(list);
}

/* A rare word: two to four syllables, made up. */
static char *
fill_rare(char **syllables, size_t nsyllables)
{
	char	 word[128];
	size_t	 i, n = fill_between(2, 4);

	word[0] = '\0';
	for (i = 0; i < n; i++)
		strcat(word, syllables[fill_random() % nsyllables]);
	return (xstrdup(word));
}

/* Zipf weights 1 / (rank + shift), as a cumulative distribution. */
static double *
fill_zipf(size_t n, double shift)
{
	double	*cdf, total = 0;
	size_t	 i;

	cdf = xreallocarray(NULL, n, sizeof *cdf);
	for (i = 0; i < n; i++) {
		total += 1.0 / ((double)i + shift);
		cdf[i] = total;
	}
	for (i = 0; i < n; i++)
		cdf[i] /= total;
	return (cdf);
}

/*
 * The lexicon of one language: background words in frequency order (stop
 * words, then rare words), and the topic stems with their endings.
 */
static void
fill_lexicon(struct fill_lang *l)
{
	char	**stop, **syllables;
	size_t	  nstop, nsyllables, i, n = 0;

	stop = fill_split(l->stop, &nstop);
	syllables = fill_split(l->syllables, &nsyllables);
	nsyllables--;			/* the list ends with a space */
	l->words = xreallocarray(NULL, FILL_LEXICON, sizeof *l->words);
	for (i = 0; i < nstop && n < FILL_LEXICON; i++)
		l->words[n++] = xstrdup(stop[i]);
	while (n < FILL_LEXICON)
		l->words[n++] = fill_rare(syllables, nsyllables);
	l->nwords = n;
	l->cdf = fill_zipf(n, 2.0);
	l->topics = fill_split(l->stems, &l->ntopics);
	l->topic_cdf = fill_zipf(l->ntopics, 5.0);
	l->inflections = fill_split(l->endings, &l->ninflections);
	fill_free_list(stop);
	fill_free_list(syllables);
}

/* An index drawn from a cumulative distribution of n entries. */
static size_t
fill_draw(const double *cdf, size_t n)
{
	double	 u = (double)(fill_random() >> 11) / 9007199254740992.0;
	size_t	 lo = 0, hi = n - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/* A topic word: a stem with one of its endings, into word. */
static const char *
fill_topic_word(const struct fill_lang *l, size_t topic, char *word,
    size_t size)
{
	snprintf(word, size, "%s%s", l->topics[topic],
	    l->inflections[fill_random() % l->ninflections]);
	return (word);
}

/* The next word of an item about topics[0] and topics[1]. */
static const char *
fill_word(const struct fill_lang *l, const size_t *topics, char *word,
    size_t size)
{
	uint64_t	 r = fill_random() % 1000;

	if (r < FILL_TOPIC)
		return (fill_topic_word(l, topics[r % 2], word, size));
	if (r < FILL_TOPIC + FILL_STRAY)
		return (fill_topic_word(l, fill_random() % l->ntopics, word,
		    size));
	return (l->words[fill_draw(l->cdf, l->nwords)]);
}

/* A sentence of 6-22 words, capitalised when it starts with ASCII. */
static void
fill_sentence(struct buf *b, const struct fill_lang *l, const size_t *topics,
    size_t *words)
{
	char	 word[128];
	size_t	 i, n = fill_between(6, 22), start = b->len;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(b, ' ');
		buf_adds(b, fill_word(l, topics, word, sizeof word));
	}
	if (b->data[start] >= 'a' && b->data[start] <= 'z')
		b->data[start] -= 'a' - 'A';
	buf_addc(b, '.');
	*words += n;
}

static size_t fill_min_words = 300, fill_max_words = 1500;

/* Body text of 300-1,500 words in paragraphs, and its HTML. */
static void
fill_body(struct buf *text, struct buf *html, const struct fill_lang *l,
    const size_t *topics)
{
	size_t	 want = fill_between(fill_min_words, fill_max_words);
	size_t	 words = 0, start;

	buf_reset(text);
	buf_reset(html);
	while (words < want) {
		if (text->len > 0)
			buf_adds(text, "\n\n");
		start = text->len;
		do {
			if (text->len > start)
				buf_addc(text, ' ');
			fill_sentence(text, l, topics, &words);
		} while (fill_random() % 5 != 0 && words < want);
		buf_printf(html, "<p>%s</p>\n", text->data + start);
	}
}

/* A title: its two topics and 3-8 rarer words. */
static char *
fill_title(const struct fill_lang *l, const size_t *topics)
{
	struct buf	 b;
	char		 word[128];
	size_t		 i, n = fill_between(5, 10);

	buf_init(&b, 0);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		if (i == 1 || i == 3)
			buf_adds(&b, fill_topic_word(l, topics[i / 2], word,
			    sizeof word));
		else
			buf_adds(&b, l->words[40 + fill_draw(l->cdf,
			    l->nwords - 40)]);
	}
	return (buf_steal(&b));
}

static int
fill_item(struct store *st, int64_t feed, size_t i, struct buf *text,
    struct buf *html)
{
	struct fill_lang	*l;
	struct feed_item	 it;
	enum store_upsert	 outcome;
	size_t			 topics[2];
	int			 rc;

	l = &fill_langs[fill_random() % UTIL_ARRLEN(fill_langs)];
	topics[0] = fill_draw(l->topic_cdf, l->ntopics);
	topics[1] = fill_draw(l->topic_cdf, l->ntopics);
	fill_body(text, html, l, topics);
	memset(&it, 0, sizeof it);
	it.guid = xasprintf("urn:bench:%zu", i);
	it.url = xasprintf("https://news.example/%s/%zu", l->code, i);
	it.title = fill_title(l, topics);
	it.author = xstrdup(l->words[100 + fill_random() % 1000]);
	it.published = 1600000000 + (int64_t)i * 60;
	it.updated = DATE_NONE;
	it.html = html->data;
	rc = store_item_upsert(st, feed, &it, text->data, &outcome);
	free(it.guid);
	free(it.url);
	free(it.title);
	free(it.author);
	return (rc);
}

static int
fill_feeds(struct store *st, int64_t *feeds)
{
	char	*url;
	size_t	 i;
	int	 rc;

	for (i = 0; i < FILL_FEEDS; i++) {
		url = xasprintf("https://news.example/feed/%zu.xml", i);
		rc = store_feed_add(st, url, NULL, &feeds[i]);
		free(url);
		if (rc < 0)
			return (-1);
	}
	return (0);
}

static int
fill(struct store *st, size_t n)
{
	struct store_stats	 stats;
	struct buf		 text, html;
	int64_t			 feeds[FILL_FEEDS];
	size_t			 i, first;
	double			 start = util_monotonic();
	int			 rc = -1;

	buf_init(&text, 0);
	buf_init(&html, 0);
	if (store_stats(st, &stats) != 0 || fill_feeds(st, feeds) != 0)
		goto out;
	first = (size_t)stats.items;
	fill_state += first;
	for (i = first; i < n; i++) {
		if ((i - first) % FILL_BATCH == 0 && store_begin(st) != 0)
			goto out;
		if (fill_item(st, feeds[i % FILL_FEEDS], i, &text, &html) != 0)
			goto out;
		if ((i + 1 - first) % FILL_BATCH == 0 || i + 1 == n) {
			if (store_commit(st) != 0)
				goto out;
		}
		if ((i + 1) % 50000 == 0)
			fprintf(stderr, "%zu items, %.0f s\n", i + 1,
			    util_monotonic() - start);
	}
	rc = 0;
out:
	buf_free(&text);
	buf_free(&html);
	return (rc);
}

int
main(int argc, char **argv)
{
	struct store	*st;
	char		*cause = NULL;
	size_t		 i;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: fill-archive ARCHIVE N [SEED]\n");
		return (1);
	}
	if (argc == 4)
		fill_state ^= strtoull(argv[3], NULL, 10) * 0x2545f4914f6cdd1dULL;
	if (getenv("FILL_WORDS") != NULL && sscanf(getenv("FILL_WORDS"),
	    "%zu-%zu", &fill_min_words, &fill_max_words) != 2) {
		fprintf(stderr, "fill-archive: FILL_WORDS wants MIN-MAX\n");
		return (1);
	}
	for (i = 0; i < UTIL_ARRLEN(fill_langs); i++)
		fill_lexicon(&fill_langs[i]);
	if (store_open(argv[1], &st, &cause) != 0) {
		fprintf(stderr, "fill-archive: %s\n", cause);
		return (2);
	}
	if (fill(st, strtoul(argv[2], NULL, 10)) != 0) {
		fprintf(stderr, "fill-archive: %s\n", store_errmsg(st));
		store_rollback(st);
		store_close(st);
		return (2);
	}
	store_close(st);
	return (0);
}
