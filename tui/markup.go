package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// span is a stretch of one screen line, in cells: [start, end).
type span struct {
	line, start, end int
}

// flatText is a rendering read as running text: the words of its lines joined
// with single spaces (no space after a line that ends in a hyphen or dash, as
// wrapping broke a word there), folded for matching, with the screen cell of
// every rune. Phrases that wrap across lines are found like any other.
type flatText struct {
	runes []rune
	line  []int // screen line of each rune
	col   []int // screen column of each rune
}

// lineDecor is what a line may begin with that is not text: margins, the
// block-quote bar, list bullets.
const lineDecor = " \u00a0▎│|•"

func newFlatText(plain []string) *flatText {
	ft := &flatText{}
	joinWithSpace := false
	widths := map[rune]int{} // of the runes that are not plain ASCII
	for li, l := range plain {
		col, started := 0, false
		for _, r := range l {
			w := 1
			if r < 0x20 || r >= 0x7f {
				var ok bool
				if w, ok = widths[r]; !ok {
					w = max(ansi.StringWidth(string(r)), 0)
					widths[r] = w
				}
			}
			if !started && strings.ContainsRune(lineDecor, r) {
				col += w
				continue
			}
			if !started && joinWithSpace {
				ft.add(' ', li, col)
			}
			started = true
			ft.add(content.Fold(r), li, col)
			col += w
		}
		ft.trimTrailingSpaces()
		if !started {
			if n := len(ft.runes); n > 0 && ft.runes[n-1] != '\n' {
				ft.add('\n', li, 0) // a blank line ends any phrase
			}
			joinWithSpace = false
			continue
		}
		last := ft.runes[len(ft.runes)-1]
		joinWithSpace = last != '-' // wrapping broke a word or a dash here
	}
	return ft
}

// add appends a rune, collapsing runs of spaces into one.
func (ft *flatText) add(r rune, line, col int) {
	if r == ' ' || r == '\u00a0' {
		r = ' '
		if n := len(ft.runes); n == 0 || ft.runes[n-1] == ' ' || ft.runes[n-1] == '\n' {
			return
		}
	}
	ft.runes = append(ft.runes, r)
	ft.line = append(ft.line, line)
	ft.col = append(ft.col, col)
}

func (ft *flatText) trimTrailingSpaces() {
	n := len(ft.runes)
	for n > 0 && ft.runes[n-1] == ' ' {
		n--
	}
	ft.runes, ft.line, ft.col = ft.runes[:n], ft.line[:n], ft.col[:n]
}

// find returns the screen spans of every occurrence of a folded phrase, one
// group per occurrence (a wrapped occurrence covers two lines or more).
// wholeWord requires letters not to continue the match on either side.
func (ft *flatText) find(phrase []rune, wholeWord bool) [][]span {
	var out [][]span
	for _, at := range content.IndexAll(ft.runes, phrase) {
		end := at + len(phrase)
		if wholeWord && (content.IsWordRune(ft.runes, at-1) || content.IsWordRune(ft.runes, end)) {
			continue
		}
		out = append(out, ft.spans(at, end))
	}
	return out
}

// spans converts a rune range of the flat text into one span per line.
func (ft *flatText) spans(from, to int) []span {
	var out []span
	for i := from; i < to; i++ {
		if ft.runes[i] == ' ' && (i+1 < to && ft.line[i+1] != ft.line[i]) {
			continue // the joining space between two lines
		}
		if n := len(out); n > 0 && out[n-1].line == ft.line[i] {
			out[n-1].end = ft.col[i] + 1
			continue
		}
		out = append(out, span{line: ft.line[i], start: ft.col[i], end: ft.col[i] + 1})
	}
	return out
}

// decorate returns a copy of lines with the spans restyled. The text keeps
// its place; only its style changes, so widths are unchanged.
func decorate(lines []string, spans []span, style lipgloss.Style) []string {
	if len(spans) == 0 {
		return lines
	}
	out := make([]string, len(lines))
	copy(out, lines)
	byLine := map[int][]span{}
	for _, s := range spans {
		byLine[s.line] = append(byLine[s.line], s)
	}
	for li, ss := range byLine {
		l := out[li]
		// right to left so earlier columns stay valid
		for i := len(ss) - 1; i >= 0; i-- {
			s := ss[i]
			w := ansi.StringWidth(l)
			l = ansi.Cut(l, 0, s.start) + style.Render(ansi.Strip(ansi.Cut(l, s.start, s.end))) + ansi.Cut(l, s.end, w)
		}
		out[li] = l
	}
	return out
}
