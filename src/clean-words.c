/*
 * The cleaner's vocabulary: what class and id words say about an element,
 * and which short lines are page furniture ("Read also", "Leave a reply")
 * in English, Russian, French, German and Spanish.
 */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "clean-int.h"

struct clean_word {
	const char	*word;
	int		 flags;
};

#define J	CLEAN_ATTR_JUNK
#define U	CLEAN_ATTR_UNLIKELY
#define M	CLEAN_ATTR_MAYBE
#define N	CLEAN_ATTR_NEGATIVE
#define P	CLEAN_ATTR_POSITIVE
#define D	CLEAN_ATTR_DISCUSSION

/* Matched anywhere inside a class or id (lower case). */
static const struct clean_word clean_substrings[] = {
	{ "share", J | N }, { "sharing", J | N }, { "social", J | U | N },
	{ "related", J | U | N }, { "recent-post", J | U | N },
	{ "readmore", J | N }, { "read-more", J | N }, { "more-stories", J | N },
	{ "newsletter", J | N }, { "subscri", J | N }, { "signup", J | N },
	{ "cookie", J | N }, { "consent", J | N }, { "gdpr", J | U | N },
	{ "comment-respond", J | N | D }, { "comment-form", J | N | D },
	{ "disqus", J | U | N | D }, { "advert", J | N }, { "adsbygoogle", J | N },
	{ "ad-slot", J | N }, { "ad-container", J | N }, { "adspot", J | N },
	{ "ad-wrap", J | N }, { "dfp-", J | N }, { "sponsor", U | N },
	{ "outbrain", J | N }, { "taboola", J | N }, { "breadcrumb", J | U | N },
	{ "popup", U | N }, { "modal", U | N }, { "banner", U | N },
	{ "sidebar", U | N }, { "widget", N }, { "menu", U | N },
	{ "navbar", J | U | N }, { "masthead", U | N }, { "footer", U | N },
	{ "header", U | N }, { "comment", U | N | D }, { "community", U },
	{ "pagination", U }, { "pager", U }, { "skyscraper", U | N },
	{ "shoutbox", U | N }, { "promo", N }, { "tags", N }, { "combx", U | N },
	{ "remark", U }, { "replies", U | D }, { "supplemental", U },
	{ "agegate", U }, { "legends", U }, { "screen-reader", J },
	{ "sr-only", J }, { "visually-hidden", J }, { "visuallyhidden", J },
	{ "print-only", J }, { "byline", N },
	{ "meta", N }, { "contact", N }, { "shopping", N }, { "scroll", N },
	{ "article", M | P }, { "content", M | P }, { "body", M | P },
	{ "main", M | P }, { "column", M }, { "mathjax", M }, { "entry", P },
	{ "post", P },
	{ "story", P }, { "text", P }, { "blog", P }, { "hentry", P },
	{ "prose", P }, { "author-box", J | N }, { "about-author", J | N },
	{ "author-bio", J | N }, { "author-info", J | N },
	{ "authorbox", J | N }, { "call-to-action", J | N },
	{ "mailing-list", J | N }, { "mc4wp", J | N },
};

/* Matched as a whole word (split on anything not a letter or digit). */
static const struct clean_word clean_tokens[] = {
	{ "ad", J | N }, { "ads", J | N }, { "adv", J | N }, { "nav", J | U | N },
	{ "share", J | N }, { "hidden", N }, { "hide", N },
	{ "respond", J | N | D }, { "comments", J | U | N | D }, { "rss", U },
	{ "extra", U }, { "toc", N }, { "login", J | N }, { "paywall", N },
	{ "cta", J | N },
};

#undef J
#undef U
#undef M
#undef N
#undef P
#undef D

static int
clean_token_flags(const char *t, size_t n)
{
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(clean_tokens); i++) {
		if (strlen(clean_tokens[i].word) == n &&
		    memcmp(clean_tokens[i].word, t, n) == 0)
			return (clean_tokens[i].flags);
	}
	return (0);
}

/* An anchor made from a heading ("sharing-with-a-single-developer"). */
static int
clean_is_slug(const char *low)
{
	size_t	 dashes = 0;

	for (; *low != '\0'; low++) {
		if (*low == ' ')
			return (0);
		dashes += *low == '-' || *low == '_';
	}
	return (dashes >= 3);
}

/*
 * clean_substrings by first letter, so that a class value is read once:
 * clean_index[c] is one more than the first entry starting with 'a' + c,
 * clean_index_next[k] one more than the entry after k, 0 ending a chain.
 */
static size_t		clean_index[26];
static size_t		clean_index_next[UTIL_ARRLEN(clean_substrings)];
static pthread_once_t	clean_index_once = PTHREAD_ONCE_INIT;

static void
clean_index_build(void)
{
	size_t	 k, c;

	for (k = UTIL_ARRLEN(clean_substrings); k > 0; k--) {
		c = (unsigned char)clean_substrings[k - 1].word[0] - 'a';
		clean_index_next[k - 1] = clean_index[c];
		clean_index[c] = k;
	}
}

/*
 * The CLEAN_ATTR_* flags of a class or id value.  Only the first 200
 * bytes are looked at: longer values are utility-class soup.
 */
int
clean_attr_words(const char *value)
{
	const struct clean_word	*w;
	char			 low[201];
	size_t			 n, i, start, k, next;
	int			 flags = 0;

	for (n = 0; n < sizeof low - 1 && value[n] != '\0'; n++)
		low[n] = (char)tolower((unsigned char)value[n]);
	low[n] = '\0';
	if (n == 0 || clean_is_slug(low))
		return (0);
	pthread_once(&clean_index_once, clean_index_build);
	for (i = 0; i < n; i++) {
		if ((unsigned char)low[i] < 'a' || (unsigned char)low[i] > 'z')
			continue;
		for (k = clean_index[low[i] - 'a']; k != 0; k = next) {
			w = &clean_substrings[k - 1];
			next = clean_index_next[k - 1];
			/* Every word has two letters or more. */
			if (low[i + 1] == w->word[1] &&
			    strncmp(low + i, w->word, strlen(w->word)) == 0)
				flags |= w->flags;
		}
	}
	for (i = 0; i <= n; i = start + 1) {
		start = i;
		while (start < n && isalnum((unsigned char)low[start]))
			start++;
		if (start > i)
			flags |= clean_token_flags(low + i, start - i);
	}
	return (flags);
}

/* Does s hold any of the n words? */
static int
clean_any_in(const char *s, const char *const *words, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strstr(s, words[i]) != NULL)
			return (1);
	}
	return (0);
}
#define CLEAN_ANY_IN(s, words) clean_any_in((s), (words), UTIL_ARRLEN(words))

/* Lines that are furniture when they are short or mostly a link. */
static const char *clean_phrases[] = {
	"read also", "read more", "see also", "related:", "recommended:",
	"related news",
	"related articles", "related posts", "related stories",
	"recent articles", "recent posts", "more stories", "more from",
	"you may also like", "you might also like", "also read",
	"leave a reply", "leave a comment", "please enter your comment",
	"please enter your name", "please enter a valid email",
	"post comment", "cancel reply", "share this", "share on",
	"sign up for", "subscribe to", "follow us", "advertisement",
	"- advertisement -", "sponsored content", "click here to",
	"continue reading", "trending now", "most popular",
	"join our newsletter", "join our mailing list", "subscribe here",
	"sign up for our", "pin this for later",
	"all rights reserved", "skip to content", "back to top",
	"book now", "buy now", "shop now", "check price",
	"image credit", "image credits", "photo credit", "photo credits",
	"image by", "image from", "image source", "image via", "credit:",
	"credits:", "getty images",
	"читайте также", "читайте еще", "смотрите также", "похожие новости",
	"последние новости", "оставить комментарий", "поделиться",
	"реклама", "подписывайтесь", "lire aussi", "à lire aussi",
	"a lire aussi", "voir aussi", "articles similaires",
	"laisser un commentaire", "partager", "publicité",
	"abonnez-vous", "lesen sie auch", "lesen sie mehr", "mehr zum thema",
	"das könnte sie auch interessieren", "kommentar schreiben",
	"teilen", "anzeige", "werbung", "abonnieren", "lee también",
	"lea también", "ver también", "noticias relacionadas",
	"deja un comentario", "dejar un comentario", "compartir",
	"publicidad", "suscríbete",
	"share your story", "sponsor this newsletter",
	"help me spread the word", "join the facebook group",
	"jump to a section", "jump to recipe", "skip to recipe",
	"select up to",
	"view author archive", "view all posts by", "email the author",
	"get author rss feed", "author archive", "more by this author",
	"alle artikel von", "tous les articles de", "todos los artículos de",
	"все статьи автора", "все материалы автора",
};

/* Calls to action: a short line holding one is furniture, wherever. */
static const char *const clean_cta[] = {
	"to your inbox", "in your inbox", "sign up for our newsletter",
	"subscribe to our newsletter", "join our mailing list",
	"book a demo", "free ebook", "free e-book", "follow us on",
	"get updates from this writer",
};

/*
 * "Updated 12:24 am EST", "Aktualisiert: 3.12.2026, 14:05": a time
 * stamp alone, at most five short words after its label, one a number.
 */
static int
clean_stamp_line(const char *low, size_t len)
{
	static const char *const labels[] = {
		"updated", "published", "posted", "last modified",
		"aktualisiert", "veröffentlicht", "mis à jour", "publié le",
		"actualizado", "publicado", "обновлено", "опубликовано",
	};
	size_t	 i, words = 0, digits = 0, run = 0;

	if (len > 60)
		return (0);
	for (i = 0; i < UTIL_ARRLEN(labels); i++) {
		if (strncmp(low, labels[i], strlen(labels[i])) == 0)
			break;
	}
	if (i == UTIL_ARRLEN(labels))
		return (0);
	for (i = strlen(labels[i]); i < len; i++) {
		digits += isdigit((unsigned char)low[i]) != 0;
		if (low[i] == ' ') {
			run = 0;
			continue;
		}
		if (run++ == 0)
			words++;
		if (run > 12)
			return (0);
	}
	return (digits > 0 && words <= 6);
}

/* "Talk to our experts", "Speak with our team": a sales line. */
static int
clean_talk_to_us(const char *low)
{
	static const char *const asks[] = {
		"talk to our ", "talk with our ", "speak to our ",
		"speak with our ", "chat with our ", "contact our ",
	};
	static const char *const whom[] = {
		"expert", "team", "specialist", "consultant", "advisor",
		"adviser",
	};
	const char	*p;
	size_t		 i, k;

	for (i = 0; i < UTIL_ARRLEN(asks); i++) {
		if ((p = strstr(low, asks[i])) == NULL)
			continue;
		for (k = 0; k < UTIL_ARRLEN(whom); k++) {
			if (strstr(p, whom[k]) != NULL)
				return (1);
		}
	}
	return (0);
}

/*
 * The reader asked to rate the page: "Please take a moment to leave a
 * star rating", "Bitte hinterlasse eine Bewertung".  A line telling how
 * ratings work asks nothing.
 */
static int
clean_rating_call(const char *low)
{
	static const char *const rate[] = {
		"leave a star rating", "leave a rating", "leave a review",
		"rate this recipe", "rate this post", "eine bewertung hinterl",
		"hinterlasse eine bewertung",
		"hinterlassen sie eine bewertung", "laissez une note",
		"laisser une note", "laissez un avis", "una valoraci\xc3\xb3n",
		"tu valoraci\xc3\xb3n", "una rese\xc3\xb1" "a",
	};
	static const char *const please[] = {
		"please", "take a moment", "would appreciate", "bitte",
		"merci de", "s'il vous pla", "por favor",
	};

	return (CLEAN_ANY_IN(low, rate) && CLEAN_ANY_IN(low, please));
}

/* Lines that are furniture whatever their length. */
static int
clean_boiler_always(const char *line, size_t len)
{
	static const char *const alone[] = {
		"advertisement", "advertising", "anzeige", "werbung",
		"реклама", "publicité", "publicidad", "share", "tweet",
		"print", "email", "comments", "related", "sponsored",
		"subscribe", "sign up", "home", "privacy policy",
		"newsletters", "newsletter", "\xe2\x80\x93", "\xe2\x80\x94",
		"\xe2\x80\xa2", "article continues below",
		"story continues below", "you might like", "you may like",
		"stay connected with me!", "stay connected with us!",
		"get it now", "read reviews", "view deal", "see price",
		"on sale",
	};
	size_t	 i;

	if (len > 14 && strncmp(line, "the post ", 9) == 0 &&
	    util_strcasestr(line, " appeared first on ") != NULL &&
	    len < 400)
		return (1);
	for (i = 0; i < UTIL_ARRLEN(alone); i++) {
		if (strlen(alone[i]) == len &&
		    memcmp(line, alone[i], len) == 0)
			return (1);
	}
	return (0);
}

/*
 * Lower-case the first bytes of line into low (at most size - 1 bytes),
 * skipping list marks, quote marks and leading punctuation.
 */
static size_t
clean_line_lower(const char *line, size_t len, char *low, size_t size)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)line;
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 n;
	size_t			 i = 0, o = 0;

	while (i < len && strchr("-*>|:#.( \t", line[i]) != NULL)
		i++;
	while (i < len && o + 4 < size) {
		if ((n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i),
		    &c)) <= 0)
			break;
		o += (size_t)utf8proc_encode_char(utf8proc_tolower(c),
		    (utf8proc_uint8_t *)low + o);
		i += (size_t)n;
	}
	low[o] = '\0';
	return (o);
}

/*
 * A cookie notice: the word, and the site saying it sets them or asking
 * to accept them ("We use cookies to...", "Diese Website verwendet
 * Cookies").  An article about cookies says neither.
 */
static int
clean_cookie_notice(const char *low)
{
	static const char *const says[] = {
		"we use cookies", "website uses cookies", "site uses cookies",
		"use of cookies", "by clicking", "by continuing", "you consent",
		"cookie policy", "cookie settings", "cookie preferences",
		"verwendet cookies", "verwenden cookies", "nutzt cookies",
		"utilise des cookies", "utilisons des cookies",
		"utiliza cookies", "utilizamos cookies", "usamos cookies",
		"\xd1\x84\xd0\xb0\xd0\xb9\xd0\xbb\xd1\x8b cookie",
		"\xd0\xb8\xd1\x81\xd0\xbf\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd1\x83\xd0\xb5\xd1\x82 cookie",
	};

	if (strstr(low, "cookie") == NULL)
		return (0);
	return (CLEAN_ANY_IN(low, says));
}

/*
 * How long the story takes to read, a line of its own: "Reading time:
 * 8 minutes", "3 min read", "Lesezeit: 4 Min.", with a number.
 */
static int
clean_reading_time(const char *low, size_t n)
{
	static const char *const says[] = {
		"reading time", " min read", " minute read", " minutes read",
		"lesezeit", "temps de lecture", "tiempo de lectura",
		"tempo di lettura", "leestijd", "tempo de leitura",
		"\xd0\xb2\xd1\x80\xd0\xb5\xd0\xbc\xd1\x8f \xd1\x87\xd1\x82"
		"\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f",
	};

	return (n <= 80 && strpbrk(low, "0123456789") != NULL &&
	    CLEAN_ANY_IN(low, says));
}

/*
 * A post's taxonomy, a line of labels: "Tags: harbour, ferries",
 * "Posted in News, Ports", "Kategorie: Hafen".  No sentence ends it.
 */
static int
clean_taxonomy_line(const char *low, size_t n)
{
	static const char *const labels[] = {
		"tags:", "tagged:", "tagged with", "categories:", "category:",
		"filed under", "posted in ", "schlagw\xc3\xb6rter:",
		"stichw\xc3\xb6rter:", "kategorien:", "kategorie:",
		"\xc3\xa9tiquettes :", "\xc3\xa9tiquettes:", "cat\xc3\xa9gories :",
		"cat\xc3\xa9gories:", "etiquetas:", "categor\xc3\xad" "as:",
		"\xd1\x82\xd0\xb5\xd0\xb3\xd0\xb8:",
	};
	size_t	 i;

	if (n == 0 || n > 200 || strchr(".!?", low[n - 1]) != NULL)
		return (0);
	if (strstr(low, "| categories:") != NULL ||
	    strstr(low, "| tags:") != NULL)
		return (1);
	for (i = 0; i < UTIL_ARRLEN(labels); i++) {
		if (strncmp(low, labels[i], strlen(labels[i])) == 0)
			return (1);
	}
	return (0);
}

/*
 * A form's consent line, left when the form went: "By signing up, you
 * agree to receive ...", "En vous inscrivant, vous acceptez ...".  It
 * opens with the act and says the reader agrees.
 */
static int
clean_consent_notice(const char *low)
{
	static const char *const acts[] = {
		"by signing up", "by subscribing", "by submitting",
		"by registering", "by entering your", "by providing your",
		"by creating an account", "mit der anmeldung",
		"mit ihrer anmeldung", "en vous inscrivant", "al suscribirte",
		"al registrarte",
	};
	static const char *const agree[] = {
		"you agree", "you consent", "you acknowledge", "you accept",
		"stimmen sie", "willigen sie", "vous acceptez", "aceptas",
	};
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(acts); i++) {
		if (strncmp(low, acts[i], strlen(acts[i])) == 0)
			return (CLEAN_ANY_IN(low, agree));
	}
	return (0);
}

/*
 * Is a line only symbols beyond ASCII, with no letter or digit: a row of
 * rating stars, bullets or invisible joiners ("\xe2\x98\x85 \xe2\x98\x86",
 * U+200D)?  ASCII marks stay: a "}" may close code shown as text.
 */
static int
clean_marks_only(const char *line, size_t len)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)line;
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 n;
	utf8proc_category_t	 cat;
	size_t			 i = 0;
	int			 marks = 0;

	while (i < len) {
		if (line[i] == ' ' || line[i] == '\t') {
			i++;
			continue;
		}
		if ((unsigned char)line[i] < 0x80)
			return (0);
		if ((n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i),
		    &c)) <= 0)
			return (0);
		cat = utf8proc_category(c);
		if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO)
			return (0);
		marks++;
		i += (size_t)n;
	}
	return (marks > 0);
}

/*
 * Does the text at s go on with the word before it: a letter or digit,
 * of any script?  A dash or a quotation mark ends the word.
 */
static int
clean_word_goes_on(const char *s, size_t len)
{
	utf8proc_int32_t	 c;
	utf8proc_category_t	 cat;

	if ((unsigned char)s[0] < 0x80)
		return (isalnum((unsigned char)s[0]));
	if (utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)len, &c) <= 0)
		return (1);
	cat = utf8proc_category(c);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
}

/* Take the link marks out of s in place; returns its new length. */
static size_t
clean_unmark(char *s)
{
	const size_t	 open = sizeof CLEAN_MARK_OPEN - 1;
	const size_t	 close = sizeof CLEAN_MARK_CLOSE - 1;
	char		*r = s, *w = s, *end;

	while (*r != '\0') {
		if (strncmp(r, CLEAN_MARK_OPEN, open) == 0 &&
		    (end = strstr(r + open, CLEAN_MARK_CLOSE)) != NULL) {
			r = end + close;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
	return ((size_t)(w - s));
}

/*
 * A widget's counter or placeholder, alone on its line: a pager's or a
 * rating's number as a list item ("- 4"), "Page 1 of 8", "Loading ...".
 * A number alone without the mark may count the steps of a guide.
 */
static int
clean_widget_line(const char *line, size_t len, const char *low, size_t n)
{
	size_t	 d;

	if (len > 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') {
		d = strspn(line + 2, "0123456789");
		if (d > 0 && d <= 3 && d + 2 == len)
			return (1);
	}
	if (n < 40 && strncmp(low, "loading", 7) == 0 &&
	    (strcmp(low + n - 3, "...") == 0 ||
	    strcmp(low + n - 3, "\xe2\x80\xa6") == 0))
		return (1);
	if (n < 20 && strncmp(low, "page ", 5) == 0) {
		d = strspn(low + 5, "0123456789");
		if (d > 0 && strncmp(low + 5 + d, " of ", 4) == 0 &&
		    strspn(low + 9 + d, "0123456789") == n - 9 - d)
			return (1);
	}
	return (0);
}

/*
 * A publishing system's shortcode left unexpanded, the whole line:
 * "[video-player id=\"x7\" autoplay=\"1\"]", "[contact-form id=3]".
 */
static int
clean_shortcode(const char *line, size_t len)
{
	size_t	i = 1;

	if (len < 5 || line[0] != '[' || line[len - 1] != ']')
		return (0);
	while (i < len && (islower((unsigned char)line[i]) ||
	    isdigit((unsigned char)line[i]) || line[i] == '-' ||
	    line[i] == '_'))
		i++;
	if (i < 3 || line[i] != ' ')
		return (0);
	return (memchr(line + i, '=', len - i) != NULL &&
	    memchr(line + 1, '[', len - 2) == NULL);
}

/*
 * Is this line (len bytes, of which links bytes were link text) page
 * furniture?  A known phrase must open it, and the line must be short
 * or mostly a link: the same words inside a real paragraph stay.
 */
int
clean_boiler_line(const char *line, size_t len, size_t links)
{
	char	 low[512];
	size_t	 n, i, plen;

	if (len == 0 || len > 400)
		return (0);
	n = clean_line_lower(line, len, low, sizeof low);
	/* Nothing but marks ("-", "|", "* * *"): a separator of furniture. */
	if (n == 0 || clean_boiler_always(low, n) ||
	    clean_marks_only(line, len) || clean_shortcode(line, len) ||
	    clean_widget_line(line, len, low, n))
		return (1);
	for (i = 0; i < UTIL_ARRLEN(clean_phrases); i++) {
		plen = strlen(clean_phrases[i]);
		if (plen > n || memcmp(low, clean_phrases[i], plen) != 0)
			continue;
		/* A link's mark may follow ("Read more[1]"): no letter. */
		if (plen < n && clean_word_goes_on(low + plen, n - plen))
			continue;
		if (len <= plen + 40 || links * 2 >= len)
			return (1);
	}
	/* A link's mark inside the words ("Sign up[1] for our..."): out. */
	n = clean_unmark(low);
	if (clean_cookie_notice(low) || clean_consent_notice(low) ||
	    clean_rating_call(low))
		return (1);
	if (n > 160)
		return (0);
	if (clean_stamp_line(low, n) || clean_taxonomy_line(low, n) ||
	    clean_reading_time(low, n))
		return (1);
	if (CLEAN_ANY_IN(low, clean_cta))
		return (1);
	return (n <= 120 && clean_talk_to_us(low));
}

/* Words of calls to action, author notes and page credits. */
static const char *const clean_tail_words[] = {
	"subscribe", "newsletter", "sign up", "signup", "follow us",
	"join our", "join the", "share this", "all rights reserved",
	"copyright", "\xc2\xa9", "affiliate", "book a demo", "free trial",
	"get started", "get the free", "download our", "contact us",
	"leave a comment", "leave a reply", "star rating", "your inbox",
	"delivered to your", "read more", "learn more", "sponsored",
	"talk to our", "request a quote", "buy now", "shop now",
	"abonn", "\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x81",
	"suscr\xc3\xad", "registrieren", "jetzt ", "you may be interested",
	"posts you may", "next steps", "explore the latest", "image credit",
	"feature image", "funded by readers",
};

/* Words that make even a longer last paragraph a note to the reader. */
static const char *const clean_tail_strong[] = {
	"please support", "funded by readers",
	"views expressed", "affiliate link", "affiliate marketer",
	"by posting a comment", "is a nonprofit", "hesitate to reach",
	"hesitate to contact", "request a quote", "sign up for our",
	"check out the license", "disclosure:", "may contain affiliate",
	"donation", "donate", "all rights reserved", "copyright \xc2\xa9",
	"for informational purposes", "not legal advice",
	"not financial advice", "not medical advice",
	"legal or accounting advice", "substitute for professional",
	"registered investment adviser", "small favor to ask",
	"consider pitching in", "paid subscriber", "follow me on",
	"join me on", "republish our", "fundraising", "every dollar you give",
	"subscribe here", "tell your friends", "track your referrals",
	"advertising with us", "advertise with us",
	"earn us a commission", "earn a commission", "earn a small commission",
	"may earn commission", "may receive compensation",
	"from qualifying purchases", "erhalten wir eine provision",
	"eine kleine provision", "percevons une commission",
	"touchons une commission", "recibimos una comisi\xc3\xb3n",
	"recibir una comisi\xc3\xb3n", "we updated this article",
	"dieser artikel wurde aktualisiert",
};

/* Who wrote it: "Name is a freelance writer...", "Written by ...". */
static const char *const clean_bio_words[] = {
	"writer", "journalist", "editor", "reporter", "author",
	"contributor", "columnist", "analyst", "correspondent", "blogger",
	"photographer", "professor", "attorney", "lawyer", "physician",
	"researcher", "consultant", "dietitian", "nutritionist",
	"veterinarian", "enthusiast", "graduate",
};

static int
clean_tail_bio(const char *low, size_t len)
{
	const char	*is;

	/* "Written by" may run into the name: "Written byJane Doe". */
	if ((strncmp(low, "written by", 10) == 0 && len < 80) ||
	    strncmp(low, "written by ", 11) == 0 ||
	    strncmp(low, "posted by ", 10) == 0 ||
	    strncmp(low, "about the author", 16) == 0)
		return (1);
	if (len > 400 || ((is = strstr(low, " is a ")) == NULL &&
	    (is = strstr(low, " is an ")) == NULL) || is - low > 40)
		return (0);
	return (CLEAN_ANY_IN(is, clean_bio_words));
}

/* Does a short block end without the punctuation of a sentence? */
static int
clean_tail_bare(const char *block, size_t len)
{
	const char	*line, *nl, *end = block + len;
	size_t		 n;

	for (line = block; line < end; line = nl + 1) {
		if ((nl = memchr(line, '\n', end - line)) == NULL)
			nl = end;
		n = nl - line;
		while (n > 0 && strchr(" \t", line[n - 1]) != NULL)
			n--;
		/* Sentence marks, closing quotes, CJK full stops. */
		if (n > 60 || (n > 0 && strchr(".!?:;\")", line[n - 1])
		    != NULL) || (n >= 3 && ((unsigned char)line[n - 3] ==
		    0xe2 || (unsigned char)line[n - 3] == 0xe3)))
			return (0);
		if (nl == end)
			break;
	}
	return (1);
}

/*
 * Does the text hold a sentence: a block that is not bare?  Without
 * one, a bare last block is no different from the rest.  The text is
 * NUL-terminated at or after len.
 */
int
clean_has_prose(const char *text, size_t len)
{
	const char	*start, *next, *end = text + len;

	for (start = text; start < end; start = next + 2) {
		if ((next = strstr(start, "\n\n")) == NULL || next > end)
			next = end;
		if (next > start && !clean_tail_bare(start, next - start))
			return (1);
		if (next == end)
			break;
	}
	return (0);
}

/*
 * A single line of short items between bars ("About | Mission | Write
 * for us"): a row of links, not a table, which has rows.
 */
static int
clean_tail_links_line(const char *block, size_t len)
{
	const char	*p = block, *bar, *end = block + len;

	if (len > 160 || memchr(block, '\n', len) != NULL)
		return (0);
	while (p < end) {
		for (bar = p; bar + 3 <= end && memcmp(bar, " | ", 3) != 0;
		    bar++)
			;
		if (bar + 3 > end)
			bar = end;
		if (bar - p > 40)
			return (0);
		p = bar + 3;
	}
	return (1);
}

/*
 * A numbered source note, "[2] \"Title,\" Publisher (2016). https://...":
 * the mark, then a citation that gives its address.  The notes at a
 * page's foot are asides, as its footnotes are.
 */
static int
clean_tail_citation(const char *block, size_t len)
{
	size_t	 d;

	if (len < 10 || block[0] != '[' || memchr(block, '\n', len) != NULL)
		return (0);
	d = strspn(block + 1, "0123456789");
	if (d == 0 || d > 3 || block[d + 1] != ']' || block[d + 2] != ' ')
		return (0);
	for (d += 3; d + 3 <= len; d++) {
		if (memcmp(block + d, "://", 3) == 0)
			return (1);
	}
	return (0);
}

/*
 * A closing sales pitch, however long: the site asks the reader to get
 * in touch ("do not hesitate to reach out", "zögern Sie nicht, uns zu
 * kontaktieren").  A note on whom else to ask names that person.
 */
static int
clean_tail_pitch(const char *block, size_t len)
{
	static const char *const asks[] = {
		"hesitate to reach out", "hesitate to contact us",
		"z\xc3\xb6gern sie nicht, uns",
		"h\xc3\xa9sitez pas \xc3\xa0 nous",
		"no dude en contactarnos", "no dudes en contactarnos",
	};
	char	 low[1204];

	if (len > 1200)
		return (0);
	clean_line_lower(block, len, low, sizeof low);
	return (CLEAN_ANY_IN(low, asks));
}

/*
 * Investors' fine print, as long as it likes: "All investing is
 * subject to risk", "obtain a prospectus", "Past performance is no
 * guarantee", "Member SIPC".
 */
static int
clean_fine_print(const char *block, size_t len)
{
	static const char *const says[] = {
		"subject to risk", "subject to the risk", "investment risk",
		"prospectus", "past performance", "does not ensure a profit",
		"possible loss of", "member sipc", "member fdic",
		"not fdic insured", "securities offered through",
		"certification marks", "registered trademarks of",
		"are trademarks of",
	};
	char	 low[512];

	if (len < 40 || len > 2000)
		return (0);
	clean_line_lower(block, len, low, sizeof low);
	return (CLEAN_ANY_IN(low, says));
}

/*
 * Is this block (a paragraph, heading or list of the article's text)
 * furniture when it comes last: a bare label, a call to action, a note
 * on the author?
 */
int
clean_tail_furniture(const char *block, size_t len, int prose)
{
	char	 low[512];
	size_t	 n, i;

	/* Tables and preformatted text are the article's own. */
	if (len == 0 || block[0] == ' ' || block[0] == '\t')
		return (0);
	if (clean_tail_pitch(block, len) || clean_fine_print(block, len))
		return (1);
	if (len > 400)
		return (0);
	for (i = 0; i + 3 <= len; i++) {
		if (memcmp(block + i, " | ", 3) == 0)
			return (clean_tail_links_line(block, len));
	}
	if ((prose && clean_tail_bare(block, len)) ||
	    clean_tail_citation(block, len))
		return (1);
	n = clean_line_lower(block, len, low, sizeof low);
	if (clean_tail_bio(low, n))
		return (1);
	if (CLEAN_ANY_IN(low, clean_tail_strong))
		return (1);
	if (len > 160)
		return (0);
	return (CLEAN_ANY_IN(low, clean_tail_words));
}

/*
 * A date alone ("15 Dec, 2025", "March 3, 2024 at 9:00"): digits, month
 * names and punctuation only.
 */
static int
clean_date_alone(const char *low, size_t len)
{
	static const char *const months[] = {
		"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november",
		"december",
	};
	size_t	 i, w, m, digits = 0, month = 0;

	if (len > 40)
		return (0);
	for (i = 0; i < len; i = w) {
		if (!isalpha((unsigned char)low[i])) {
			digits += isdigit((unsigned char)low[i]) != 0;
			w = i + 1;
			continue;
		}
		for (w = i; w < len && isalpha((unsigned char)low[w]); w++)
			;
		/* The name or its first three or four letters. */
		for (m = 0; m < UTIL_ARRLEN(months); m++) {
			if (w - i >= 3 && w - i <= strlen(months[m]) &&
			    (w - i <= 4 || w - i == strlen(months[m])) &&
			    strncmp(low + i, months[m], w - i) == 0)
				break;
		}
		if (m < UTIL_ARRLEN(months))
			month++;
		else if (!((w - i == 2 && (strncmp(low + i, "at", 2) == 0 ||
		    strncmp(low + i, "am", 2) == 0 ||
		    strncmp(low + i, "pm", 2) == 0))))
			return (0);
	}
	return (month == 1 && digits > 0);
}

/*
 * Is this the label of a card pointing to another story, alone:
 * "Related", "Read also", "Lesen Sie auch", "Читайте также"?
 */
int
clean_card_label(const char *s)
{
	static const char *const labels[] = {
		"related", "related:", "read also", "also read", "see also",
		"read next", "read more", "more to read", "lesen sie auch",
		"mehr zum thema", "lire aussi", "\xc3\xa0 lire aussi",
		"lee tambi\xc3\xa9n", "lea tambi\xc3\xa9n", "leia tamb\xc3\xa9m",
		"leggi anche", "lees ook",
		"\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
		"\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5",
	};
	char	 low[64];
	size_t	 n, i;

	s += strspn(s, " \t\r\n");
	n = strlen(s);
	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
		n--;
	if (n == 0 || n >= sizeof low)
		return (0);
	n = clean_line_lower(s, n, low, sizeof low);
	for (i = 0; i < UTIL_ARRLEN(labels); i++) {
		if (strcmp(low, labels[i]) == 0)
			return (1);
	}
	return (0);
}

/*
 * Is this block the heading of a closing list of more to read ("Other
 * posts you may enjoy", "More articles")?
 */
int
clean_related_heading(const char *block, size_t len)
{
	static const char *const words[] = {
		"you may enjoy", "you might enjoy", "you may also like",
		"you might also like", "you may also enjoy", "related posts",
		"related articles", "related stories", "related reading",
		"more articles", "more posts", "more stories", "other posts",
		"other articles", "read next", "recommended for you",
		"recommended reading", "you may be interested",
		"you might be interested", "you may also be interested",
		"you might also be interested", "popular posts", "recent posts",
		"latest posts", "keep reading", "related content",
		"related guides", "related news", "related links",
		"our services", "explore the latest",
		"d\xc3\xa9" "couvrez nos derniers",
		"entdecken sie unsere neuesten",
	};
	/* "More Japan travel guides", "More helpful articles by ...". */
	static const char *const kinds[] = {
		"articles", "guides", "posts", "stories", "recipes", "reads",
	};
	char	 low[128];

	if (len == 0 || len > 80 || memchr(block, '\n', len) != NULL ||
	    block[len - 1] == '.')
		return (0);
	clean_line_lower(block, len, low, sizeof low);
	return (CLEAN_ANY_IN(low, words) || (strncmp(low, "more ", 5) == 0 &&
	    CLEAN_ANY_IN(low, kinds)));
}

/* Is p to end a person's name: two to four capitalised words? */
static int
clean_name(const char *p, const char *end)
{
	size_t	w;

	for (w = 0; p < end; w++) {
		/* A capital (any letter beyond ASCII), then letters, ".-'". */
		if (!isupper((unsigned char)*p) && (unsigned char)*p < 0x80)
			return (0);
		while (p < end && *p != ' ') {
			if (!isalpha((unsigned char)*p) &&
			    (unsigned char)*p < 0x80 &&
			    strchr(".-'", *p) == NULL)
				return (0);
			p++;
		}
		while (p < end && *p == ' ')
			p++;
	}
	return (w >= 2 && w <= 4);
}

/*
 * Is this block a letter's signature, "Thank you.\nLiz Willen\nEditor
 * in chief": two to four short lines, one of them a person's name?
 */
int
clean_signature(const char *block, size_t len)
{
	const char	*line, *nl, *end = block + len;
	size_t		 lines = 0;
	int		 named = 0;

	while (len > 0 && block[len - 1] == '\n')
		end = block + --len;
	for (line = block; line < end; line = nl + 1) {
		if ((nl = memchr(line, '\n', end - line)) == NULL)
			nl = end;
		if (nl - line > 40 || ++lines > 4)
			return (0);
		named |= clean_name(line, nl);
	}
	return (lines >= 2 && named);
}

/*
 * Is this block an author box's opening line, "Written by Ana Ruiz": a
 * byline's words, then a name and nothing else?
 */
static int
clean_author_sign(const char *block, size_t len)
{
	static const char *const words[] = {
		"written by ", "posted by ", "authored by ", "geschrieben von ",
		"escrito por ", "\xc3\xa9" "crit par ", "scritto da ",
		"geschreven door ",
	};
	size_t	i, w;

	if (len > 60 || memchr(block, '\n', len) != NULL)
		return (0);
	for (i = 0; i < UTIL_ARRLEN(words); i++) {
		w = strlen(words[i]);
		if (len > w && strncasecmp(block, words[i], w) == 0)
			return (clean_name(block + w, block + len));
	}
	return (0);
}

/*
 * Is this block an author box's picture: "[image: Ana Ruiz]", a name
 * alone, the next block opening with that name ("Ana Ruiz is a ...",
 * "Ana Ruiz, Science Editor")?
 */
int
clean_author_picture(const char *block, size_t len, const char *next,
    size_t nlen)
{
	size_t	name;

	if (len < 12 || len > 60 || strncmp(block, "[image: ", 8) != 0 ||
	    block[len - 1] != ']')
		return (0);
	name = len - 9;
	return (clean_name(block + 8, block + 8 + name) && nlen > name &&
	    memcmp(next, block + 8, name) == 0 &&
	    strchr(" ,", next[name]) != NULL);
}

/*
 * Does this block open the page's foot, so that nothing after it is the
 * article's: a copyright line or a cookie notice (1), the heading of a
 * note on the author, an author box's "Written by" line (2: surer)?
 */
int
clean_closing_block(const char *block, size_t len)
{
	static const char *const headings[] = {
		"about the author", "about the authors", "about the reviewer",
		"über den autor",
		"über die autorin", "zur person", "à propos de l'auteur",
		"sobre el autor", "sobre la autora", "sobre o autor",
		"sull'autore", "over de auteur", "om f\xc3\xb6rfattaren",
		"o autorze", "how was this issue", "how did we do",
		"rate this issue", "rate this newsletter",
		"here's the unsubscribe", "\xd0\xbe\xd0\xb1 \xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80\xd0\xb5",
	};
	char	 low[512];
	size_t	 n, i, h;

	if (len == 0 || len > 400)
		return (0);
	n = clean_line_lower(block, len, low, sizeof low);
	if (clean_cookie_notice(low))
		return (1);
	if (memchr(block, '\n', len) != NULL)
		return (0);
	/* "© 2026 Harbour Post", "Copyright (c) 2019 ...": not a note. */
	if (len <= 300 && (strncmp(low, "\xc2\xa9", 2) == 0 ||
	    strncmp(low, "copyright \xc2\xa9", 12) == 0 ||
	    strncmp(low, "copyright (c)", 13) == 0 ||
	    (strncmp(low, "copyright ", 10) == 0 &&
	    isdigit((unsigned char)low[10])) ||
	    strstr(low, "all rights reserved") != NULL))
		return (1);
	if (clean_author_sign(block, len))
		return (2);
	if (len > 40)
		return (0);
	while (n > 0 && strchr(" :.?", low[n - 1]) != NULL)
		low[--n] = '\0';
	for (i = 0; i < UTIL_ARRLEN(headings); i++) {
		h = strlen(headings[i]);
		if (n == h && memcmp(low, headings[i], h) == 0)
			return (2);
	}
	return (0);
}

/*
 * Is this block the heading of a list of other stories ("Most read",
 * "Trending now", "More from Sport", "Meistgelesen", "Самое читаемое")?
 */
int
clean_list_heading(const char *block, size_t len)
{
	static const char *const words[] = {
		"most read", "most popular", "most viewed", "most shared",
		"trending", "more from", "popular now", "top stories",
		"latest news", "latest stories", "editor's picks",
		"editors' picks", "meistgelesen", "am meisten gelesen",
		"beliebteste", "les plus lus", "les plus populaires",
		"à la une", "lo más leído", "más leídas", "más leídos",
		"lo más visto", "самое читаемое", "самое популярное",
		"популярное", "i più letti", "più letti", "meest gelezen",
	};
	char	 low[128];

	if (len == 0 || len > 60 || memchr(block, '\n', len) != NULL ||
	    block[len - 1] == '.')
		return (0);
	if (clean_related_heading(block, len))
		return (1);
	clean_line_lower(block, len, low, sizeof low);
	return (CLEAN_ANY_IN(low, words));
}

/*
 * Is this line a row of labels, the sections a story is filed under:
 * "Ports • Ferries • City Hall", "News | Local"?  Two or more short
 * items between bullets or bars, none ending a sentence.
 */
int
clean_label_row(const char *line, size_t len)
{
	static const char *const seps[] = {
		" \xe2\x80\xa2 ", " | ", " \xc2\xb7 ",
	};
	const char	*p = line, *end = line + len, *next, *sep;
	size_t		 items = 0, i, n, slen, words;

	if (len == 0 || len > 200 || memchr(line, '\n', len) != NULL)
		return (0);
	while (p < end) {
		next = end;
		slen = 0;
		for (i = 0; i < UTIL_ARRLEN(seps); i++) {
			n = strlen(seps[i]);
			sep = util_find(p, end, seps[i]);
			if (sep != NULL && sep < next) {
				next = sep;
				slen = n;
			}
		}
		n = (size_t)(next - p);
		for (i = 0, words = 1; i < n; i++)
			words += p[i] == ' ';
		if (n == 0 || n > 40 || words > 5 ||
		    strchr(".!?", p[n - 1]) != NULL)
			return (0);
		items++;
		p = next + slen;
	}
	return (items >= 2);
}

/* Is this block furniture when it opens the text: a note, a byline? */
int
clean_head_furniture(const char *block, size_t len)
{
	static const char *const opens[] = {
		"published ", "updated ", "last updated", "in partnership with",
		"sponsored by", "note:", "editorial note", "disclosure",
		"advertiser disclosure", "this post may contain",
		"this article may contain",
	};
	char	 low[512];
	size_t	 n, i;

	if (len == 0 || len > 400)
		return (0);
	if (clean_label_row(block, len))
		return (1);
	n = clean_line_lower(block, len, low, sizeof low);
	if (clean_tail_bio(low, n) || clean_date_alone(low, n))
		return (1);
	if (n <= 80 && (strstr(low, " min read") != NULL ||
	    strstr(low, " minute read") != NULL ||
	    strstr(low, " minutes read") != NULL))
		return (1);
	for (i = 0; i < UTIL_ARRLEN(opens); i++) {
		if (strncmp(low, opens[i], strlen(opens[i])) == 0)
			return (1);
	}
	return (CLEAN_ANY_IN(low, clean_tail_strong));
}
