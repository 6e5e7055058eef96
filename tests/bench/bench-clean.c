/*
 * Cleaner throughput: read every file named on the command line into
 * memory (gunzipped by the caller), then run clean_page over all of them
 * RUNS times and print the MB/s of each run, one a line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "clean.h"
#include "util.h"
#include "xml.h"

int
main(int argc, char **argv)
{
	struct buf		*pages;
	struct clean_article	 a;
	char			*cause = NULL;
	double			 start, secs, bytes = 0;
	int			 i, run, runs;

	if (argc < 3) {
		fprintf(stderr, "usage: bench-clean RUNS FILE...\n");
		return (1);
	}
	runs = atoi(argv[1]);
	if (xml_need(&cause) != 0) {
		fprintf(stderr, "bench-clean: %s\n", cause);
		return (2);
	}
	pages = xcalloc((size_t)argc, sizeof *pages);
	for (i = 2; i < argc; i++) {
		buf_init(&pages[i], 0);
		if (util_read_file(argv[i], &pages[i], &cause) != 0) {
			fprintf(stderr, "bench-clean: %s\n", cause);
			return (2);
		}
		bytes += (double)pages[i].len;
	}
	for (run = 0; run < runs; run++) {
		start = util_monotonic();
		for (i = 2; i < argc; i++) {
			clean_page(pages[i].data, pages[i].len,
			    "https://bench.example/a/", NULL, &a);
			clean_article_free(&a);
		}
		secs = util_monotonic() - start;
		printf("%.1f\n", bytes / secs / 1e6);
	}
	fprintf(stderr, "bench-clean: %d pages, %.1f MB\n", argc - 2,
	    bytes / 1e6);
	for (i = 2; i < argc; i++)
		buf_free(&pages[i]);
	free(pages);
	xml_unload();
	return (0);
}
