#!/usr/bin/env python3
"""Where the WCXB snippet figures come from.

  snippets.py TRUTHDIR OUTDIR

TRUTHDIR holds WCXB's truth/<id>.json, OUTDIR the text telex printed for
each page (<id>.txt, as extract-score.py --out writes it).  Prints the
must-have and must-not shares as the scorer counts them, then again with
typographic quotes, dashes and no-break spaces read as their ASCII forms
on both sides: the annotators typed straight quotes where most pages
print curly ones, which telex keeps as the page wrote them.
"""
import glob, json, os, statistics, sys

FOLD = str.maketrans({'\u2018': "'", '\u2019': "'", '\u201c': '"',
                      '\u201d': '"', '\u2013': '-', '\u2014': '-',
                      '\u00a0': ' '})

def shares(pages, fold):
    have, hit = [], []
    for text, want, unwanted in pages:
        low = text.lower()
        if fold:
            low = low.translate(FOLD)
        norm = (lambda s: s.lower().translate(FOLD)) if fold else str.lower
        if want:
            have.append(sum(norm(s) in low for s in want) / len(want))
        if unwanted:
            hit.append(sum(norm(s) in low for s in unwanted) / len(unwanted))
    return statistics.mean(have or [0]), statistics.mean(hit or [0])

def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pages = []
    for t in sorted(glob.glob(os.path.join(sys.argv[1], '*.json'))):
        g = json.load(open(t, encoding='utf-8'))
        out = os.path.join(sys.argv[2], os.path.basename(t)[:-5] + '.txt')
        if not os.path.exists(out):
            continue
        pages.append((open(out, encoding='utf-8').read(),
                      g.get('with') or [], g.get('without') or []))
    for label, fold in (('as scored', False), ('quotes folded', True)):
        h, n = shares(pages, fold)
        print(f'wcxb snippets, {label}: must-have={h:.1%} must-not={n:.1%}')

if __name__ == '__main__':
    main()
