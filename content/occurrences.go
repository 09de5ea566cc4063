package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Finding where each glossary term occurs is the costliest check: every
// form of every term against every paragraph. An index of the article's
// words makes it cheap. At a whole-word match each word of the form is a
// whole word of the paragraph, so only the paragraphs that have the form's
// rarest word need searching, and a form with a word the article lacks
// needs none. A budget bounds the rest, for an article and glossary made up
// to defeat the index.

// maxMatchWork is how many bytes of folded paragraph text the glossary
// check may search in all: thousands of times the built-in essay.
const maxMatchWork = 256 << 20

type matchBudget struct {
	left  int
	spent bool
}

// wordIndex is the article's paragraphs folded for matching, and for each
// word the paragraphs that have it, in order.
type wordIndex struct {
	folded []string
	words  map[string][]int
}

func (p *Pack) wordIndex() *wordIndex {
	idx := &wordIndex{folded: make([]string, len(p.paragraphs)), words: map[string][]int{}}
	for i, para := range p.paragraphs {
		idx.folded[i] = string(FoldText(para.Text))
		for _, w := range wordsOf(idx.folded[i]) {
			if list := idx.words[w]; len(list) == 0 || list[len(list)-1] != i {
				idx.words[w] = append(list, i)
			}
		}
	}
	return idx
}

// wordsOf is the runs of letters and digits in s.
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// candidates are the paragraphs worth searching for the folded form q; all
// is true when q has no word to narrow them by.
func (idx *wordIndex) candidates(q string) (paras []int, all bool) {
	words := wordsOf(q)
	if len(words) == 0 {
		return nil, true
	}
	best := idx.words[words[0]]
	for _, w := range words[1:] {
		if list := idx.words[w]; len(list) < len(best) {
			best = list
		}
	}
	return best, false
}

// findForms is the paragraphs where any of the forms occurs as whole
// words, in reading order.
func (p *Pack) findForms(forms []string, idx *wordIndex, budget *matchBudget) []*Paragraph {
	hit := map[int]bool{}
	for _, f := range forms {
		q := string(FoldText(f))
		if q == "" {
			continue
		}
		cands, all := idx.candidates(q)
		if all {
			cands = make([]int, len(idx.folded))
			for i := range cands {
				cands[i] = i
			}
		}
		for _, i := range cands {
			if hit[i] {
				continue
			}
			if budget.left -= len(idx.folded[i]); budget.left < 0 {
				budget.spent = true
				return nil
			}
			if hasWholeWords(idx.folded[i], q) {
				hit[i] = true
			}
		}
	}
	var out []*Paragraph
	for i, para := range p.paragraphs {
		if hit[i] {
			out = append(out, para)
		}
	}
	return out
}

// hasWholeWords reports whether IndexWholeWords would find q in s: the
// same non-overlapping occurrences, the same test at their edges.
func hasWholeWords(s, q string) bool {
	for from := 0; from+len(q) <= len(s); {
		at := strings.Index(s[from:], q)
		if at < 0 {
			return false
		}
		at += from
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[at+len(q):])
		if !isWord(before, at > 0) && !isWord(after, at+len(q) < len(s)) {
			return true
		}
		from = at + len(q)
	}
	return false
}

func isWord(r rune, exists bool) bool { return exists && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
