/*
 * telex clean: run the cleaner on an HTML file or standard input and
 * print exactly what would be stored: the headline, a blank line and
 * the text (the text alone for --fragment or --text), or with --json
 * one object with the metadata, the text and its numbered links.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "cli.h"
#include "date.h"
#include "json.h"
#include "xml.h"
#include "util.h"

/* Pages larger than this are refused rather than read whole. */
#define CLI_CLEAN_MAX	(64U << 20)

#define CLI_CLEAN_TEXT	0	/* headline, blank line, text */
#define CLI_CLEAN_BARE	1	/* the text alone */
#define CLI_CLEAN_JSON	2

/* A date as ISO 8601 UTC when it can be read, else as the page wrote it. */
static void
cli_clean_json_date(struct buf *b, int *first, const char *key,
    const char *date)
{
	int64_t	 t;

	if (date != NULL && (t = date_parse(date)) != DATE_NONE)
		json_key_date(b, first, key, t);
	else
		json_key_string(b, first, key, date);
}

static void
cli_clean_json_links(struct buf *b, int *first, const struct clean_article *a)
{
	size_t	 i;
	int	 lfirst;

	json_key(b, first, "links");
	buf_addc(b, '[');
	for (i = 0; i < a->nlinks; i++) {
		if (i != 0)
			buf_addc(b, ',');
		lfirst = 1;
		buf_addc(b, '{');
		json_key_int(b, &lfirst, "n", (int64_t)i + 1);
		json_key_string(b, &lfirst, "url", a->links[i].url);
		json_key_string(b, &lfirst, "text", a->links[i].text);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

static void
cli_clean_json(const struct clean_article *a, const char *url)
{
	struct buf	 b;
	int		 first = 1, ifirst = 1;

	buf_init(&b, CLI_CLEAN_MAX * 4);
	buf_addc(&b, '{');
	json_key_string(&b, &first, "title", a->title);
	json_key_strings(&b, &first, "authors", a->authors, a->nauthors);
	json_key_string(&b, &first, "byline", a->byline);
	cli_clean_json_date(&b, &first, "published", a->published);
	cli_clean_json_date(&b, &first, "modified", a->modified);
	json_key_string(&b, &first, "site", a->site_name);
	json_key_string(&b, &first, "lang", a->lang);
	json_key_string(&b, &first, "url", url != NULL ? url : a->canonical);
	json_key(&b, &first, "image");
	if (a->image == NULL)
		buf_adds(&b, "null");
	else {
		buf_addc(&b, '{');
		json_key_string(&b, &ifirst, "url", a->image);
		json_key_string(&b, &ifirst, "alt", a->image_alt);
		buf_addc(&b, '}');
	}
	json_key_string(&b, &first, "text", a->text);
	json_key_string(&b, &first, "numbered",
	    a->numbered != NULL ? a->numbered : a->text);
	cli_clean_json_links(&b, &first, a);
	buf_adds(&b, "}\n");
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
}

static void
cli_clean_print(const struct clean_article *a, const char *url, int fragment,
    int format)
{
	if (format == CLI_CLEAN_JSON) {
		cli_clean_json(a, url);
		return;
	}
	if (!fragment && format == CLI_CLEAN_TEXT)
		printf("%s\n\n", a->title != NULL ? a->title : "");
	if (a->text[0] != '\0')
		printf("%s\n", a->text);
}

int
cli_clean(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "url", required_argument, NULL, 'u' },
		{ "fragment", no_argument, NULL, 'f' },
		{ "json", no_argument, NULL, 'j' },
		{ "text", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct clean_article	 a;
	struct buf		 b;
	const char		*url = NULL, *path = "-";
	char			*cause = NULL;
	int			 ch, fragment = 0, format = CLI_CLEAN_TEXT;
	int			 rc = CLI_FAILURE;

	(void)cli;
	while ((ch = getopt_long(argc, argv, "u:fjt", longopts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			url = optarg;
			break;
		case 'f':
			fragment = 1;
			break;
		case 'j':
			format = CLI_CLEAN_JSON;
			break;
		case 't':
			format = CLI_CLEAN_BARE;
			break;
		default:
			return (CLI_SHOW_USAGE);
		}
	}
	if (argc - optind > 1)
		return (CLI_SHOW_USAGE);
	if (argc - optind == 1)
		path = argv[optind];
	buf_init(&b, CLI_CLEAN_MAX);
	if (xml_need(&cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		goto out;
	}
	if (util_read_file(path, &b, &cause) != 0) {
		cli_error("clean: %s; give an HTML file or - for standard "
		    "input", cause);
		free(cause);
		goto out;
	}
	if (fragment)
		clean_fragment_article(b.data, b.len, url, &a);
	else
		clean_page(b.data, b.len, url, NULL, &a);
	cli_clean_print(&a, url, fragment, format);
	clean_article_free(&a);
	rc = CLI_OK;
out:
	buf_free(&b);
	return (rc);
}
