/*
 * The cleaner's inside, shared by src/clean*.c and their unit tests:
 * charset detection, boilerplate words, the renderer, page extraction
 * and page metadata.  Nothing outside the cleaner includes this.
 */
#ifndef TELEX_CLEAN_INT_H
#define TELEX_CLEAN_INT_H

#include <stddef.h>

#include "clean.h"
#include "util.h"
#include "xml.h"

#define CLEAN_PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | \
    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS | \
    HTML_PARSE_COMPACT)

/* clean-charset.c: a page's bytes as UTF-8 (may be html itself). */
char		*clean_charset_utf8(const char *html, size_t len,
		     const char *http_charset, size_t *outlen, int *copied);
const char	*clean_charset_name(const char *html, size_t len,
		     const char *http_charset);
int		 clean_charset_garbled(const char *, size_t);
void		 clean_charset_mend(char **);

/* clean-words.c: class/id words and boilerplate lines. */
#define CLEAN_ATTR_JUNK		0x1	/* boilerplate in any mode */
#define CLEAN_ATTR_UNLIKELY	0x2	/* not the article, probably */
#define CLEAN_ATTR_MAYBE	0x4	/* could still be the article */
#define CLEAN_ATTR_NEGATIVE	0x8
#define CLEAN_ATTR_POSITIVE	0x10
#define CLEAN_ATTR_DISCUSSION	0x20	/* comments and replies */
int		 clean_attr_words(const char *);
int		 clean_boiler_line(const char *, size_t, size_t);
int		 clean_tail_furniture(const char *, size_t, int);
int		 clean_has_prose(const char *, size_t);
int		 clean_head_furniture(const char *, size_t);
int		 clean_label_row(const char *, size_t);
int		 clean_related_heading(const char *, size_t);
int		 clean_card_label(const char *);
int		 clean_closing_block(const char *, size_t);
int		 clean_signature(const char *, size_t);
int		 clean_author_picture(const char *, size_t, const char *,
		     size_t);
int		 clean_list_heading(const char *, size_t);

/* clean-evidence.c: percent of an account's word runs the text holds. */
int		 clean_evidence(const char *text, const char *account);
struct clean_account;
struct clean_account *clean_account_new(const char *);
void		 clean_account_free(struct clean_account *);
int		 clean_account_share(struct clean_account *, const char *,
		     size_t);

/* clean-render.c: a DOM (sub)tree as reading text. */
struct clean_render {
	struct buf	 out;
	const char	*base;
	int		 space;		/* white space seen, not yet written */
	int		 pre;		/* inside <pre> */
	int		 quote;		/* blockquote depth */
	int		 list_depth;
	int		 ordinal[16];	/* next number per list level, 0: - */
	int		 cells;		/* cells written in this table row */
	int		 soft;		/* a <br> inside a sentence, pending */
	size_t		 marker_end;	/* end of a list item's mark, if last */
	size_t		 line_start;	/* offset of the current line */
	size_t		 line_links;	/* link text bytes on this line */
	size_t		 line_nlinks;	/* nlinks when the line began */
	xmlNode		*link;		/* the <a> being written, or NULL */
	size_t		 link_start;
	struct clean_link *links;
	size_t		 nlinks;
};

void		 clean_render_init(struct clean_render *, const char *);
void		 clean_render_tree(struct clean_render *, xmlNode *, int);
void		 clean_render_text(struct clean_render *, const char *);
void		 clean_render_done(struct clean_render *,
		     struct clean_article *);
void		 clean_render_free(struct clean_render *);
void		 clean_split_marks(struct clean_article *);

/* A link's mark in rendered text: private-use U+E000, n, U+E001. */
#define CLEAN_MARK_OPEN		"\xee\x80\x80"
#define CLEAN_MARK_CLOSE	"\xee\x80\x81"
int		 clean_is_block(const xmlNode *);
const char	*clean_attr(const xmlNode *, const char *);
int		 clean_words_node(const xmlNode *);
char		*clean_squeeze(const char *);
int		 clean_is_skipped(const xmlNode *);

/* clean-score.c: find the article in a parsed page. */
#define CLEAN_STRIP_UNLIKELY	0x1
#define CLEAN_WEIGHT_CLASSES	0x2
#define CLEAN_CONDITIONALLY	0x4
#define CLEAN_ALL_FLAGS		0x7
void		 clean_prune(xmlNode *, int page);
size_t		 clean_extract(xmlDoc *, int, xmlNode ***);

/* clean-meta.c: headline, byline, dates, JSON-LD. */
void		 clean_meta(xmlDoc *, const char *, struct clean_article *,
		     char **, char **);
void		 clean_drop_headline(struct clean_article *, const char *);
int		 clean_meta_byline(struct clean_article *, const char *,
		     size_t);

#endif
