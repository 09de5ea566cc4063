package content

import "unicode"

// Hit is one occurrence of a search query in a paragraph. Start and End are
// rune offsets into FoldText(Para.Text).
type Hit struct {
	Para       *Paragraph
	Start, End int
}

// Search finds every occurrence of query in the article, in reading order.
// Matching ignores case and treats straight and curly quotes, and the
// different dashes, as the same, so what a reader types finds what the
// essay prints.
func (p *Pack) Search(query string) []Hit {
	q := FoldText(query)
	if len(q) == 0 {
		return nil
	}
	var hits []Hit
	for _, para := range p.paragraphs {
		for _, at := range IndexAll(FoldText(para.Text), q) {
			hits = append(hits, Hit{Para: para, Start: at, End: at + len(q)})
		}
	}
	return hits
}

// Fold maps a rune to the form used for matching: lower case, one kind of
// apostrophe, one kind of double quote, one kind of dash. It never changes the
// number of runes, so offsets in folded text are offsets in the original.
func Fold(r rune) rune {
	switch r {
	case '‘', '’', '‛', '′':
		return '\''
	case '“', '”', '„', '″':
		return '"'
	case '–', '—', '‒', '―':
		return '-'
	case '\u00a0':
		return ' '
	}
	return unicode.ToLower(r)
}

// FoldText is s folded for matching: every rune folded, surrounding space
// trimmed and runs of space (including no-break spaces) made one space.
func FoldText(s string) []rune {
	out := make([]rune, 0, len(s))
	space := true // drops leading space
	for _, r := range s {
		r = Fold(r)
		if unicode.IsSpace(r) {
			if !space {
				out = append(out, ' ')
			}
			space = true
			continue
		}
		space = false
		out = append(out, r)
	}
	if n := len(out); n > 0 && out[n-1] == ' ' {
		out = out[:n-1]
	}
	return out
}

// IndexAll returns the start of every non-overlapping occurrence of q in s.
func IndexAll(s, q []rune) []int {
	var at []int
	if len(q) == 0 {
		return nil
	}
	for i := 0; i+len(q) <= len(s); {
		if runesEqual(s[i:i+len(q)], q) {
			at = append(at, i)
			i += len(q)
			continue
		}
		i++
	}
	return at
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
