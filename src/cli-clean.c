/*
 * telex clean: run the cleaner on an HTML file or standard input and
 * print exactly what would be stored: the headline, a blank line and
 * the text (the text alone for a feed item's --fragment).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "cli.h"
#include "xml.h"
#include "util.h"

/* Pages larger than this are refused rather than read whole. */
#define CLI_CLEAN_MAX	(64U << 20)

static void
cli_clean_print(const struct clean_article *a, int fragment)
{
	if (!fragment)
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
		{ NULL, 0, NULL, 0 }
	};
	struct clean_article	 a;
	struct buf		 b;
	const char		*url = NULL, *path = "-";
	char			*cause = NULL;
	int			 ch, fragment = 0, rc = CLI_FAILURE;

	(void)cli;
	while ((ch = getopt_long(argc, argv, "u:f", longopts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			url = optarg;
			break;
		case 'f':
			fragment = 1;
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
	cli_clean_print(&a, fragment);
	clean_article_free(&a);
	rc = CLI_OK;
out:
	buf_free(&b);
	return (rc);
}
