package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// textBlock is one paragraph of a presenter step: its text on one line, a
// prefix for its first line (a list number, a quote bar) and its style.
type textBlock struct {
	text   string
	prefix string
	indent int
	style  lipgloss.Style
}

// stepTerm is a glossary term marked on a presenter step.
type stepTerm struct {
	term *content.Term
	line int // the step line where it starts
	// block and the rune range inside the block's text
	block, start, end int
}

// markedBlocks wraps blocks to width w, a blank line between them, with the
// first occurrence on the step of each glossary term underlined (the focused
// one in reverse video). base is how many lines come before these on the
// step; the terms found are added to m.terms.
func (m *presentModel) markedBlocks(blocks []textBlock, w int) []string {
	return m.markedBlocksAt(blocks, w, 0)
}

func (m *presentModel) markedBlocksAt(blocks []textBlock, w, base int) []string {
	seen := map[*content.Term]bool{}
	for _, t := range m.terms {
		seen[t.term] = true
	}
	var lines []string
	for bi, b := range blocks {
		if bi > 0 {
			lines = append(lines, "")
		}
		runes := []rune(b.text)
		hits := termHits(runes, m.c.pack.Glossary)
		var mine []stepTerm
		for _, h := range hits {
			if !seen[h.Term] {
				seen[h.Term] = true
				mine = append(mine, stepTerm{term: h.Term, block: bi, start: h.Start, end: h.End})
			}
		}
		pw := ansi.StringWidth(b.prefix)
		for li, r := range wrapRanges(runes, max(1, w-b.indent-pw)) {
			lead := strings.Repeat(" ", b.indent+pw)
			if li == 0 {
				lead = strings.Repeat(" ", b.indent) + b.prefix
			}
			for i := range mine {
				if mine[i].start >= r[0] && mine[i].start < r[1] {
					mine[i].line = base + len(lines)
				}
			}
			lines = append(lines, b.style.Render(lead)+m.styleRange(runes, r[0], r[1], mine, b.style))
		}
		m.terms = append(m.terms, mine...)
	}
	return lines
}

// styleRange renders runes[from:to], terms underlined, the focused one
// reversed.
func (m *presentModel) styleRange(runes []rune, from, to int, terms []stepTerm, base lipgloss.Style) string {
	class := func(i int) int {
		for k, t := range terms {
			if i >= t.start && i < t.end {
				if len(m.terms)+k == m.focus {
					return 2
				}
				return 1
			}
		}
		return 0
	}
	styles := [3]lipgloss.Style{base, base.Underline(true), base.Underline(true).Reverse(true).Bold(true)}
	var b strings.Builder
	start := from
	for i := from; i <= to; i++ {
		if i == to || class(i) != class(start) {
			b.WriteString(styles[class(start)].Render(string(runes[start:i])))
			start = i
		}
	}
	return b.String()
}

// termHits finds glossary terms in text (one line, single spaces).
func termHits(text []rune, g *content.Glossary) []content.TermMatch {
	folded := content.FoldText(string(text))
	if len(folded) != len(text) { // not one line with single spaces: do not guess
		return nil
	}
	return g.Match(folded, nil)
}

// wrapRanges wraps one line of text at spaces to width cells, returning each
// line's rune range (the space at a break belongs to neither line). A word
// longer than the width is cut.
func wrapRanges(text []rune, width int) [][2]int {
	var out [][2]int
	start := 0
	for start < len(text) {
		for start < len(text) && text[start] == ' ' {
			start++
		}
		if start >= len(text) {
			break
		}
		end, cells, lastSpace := start, 0, -1
		for end < len(text) {
			cw := ansi.StringWidth(string(text[end]))
			if cells+cw > width {
				break
			}
			if text[end] == ' ' {
				lastSpace = end
			}
			cells += cw
			end++
		}
		switch {
		case end >= len(text):
		case text[end] == ' ':
		case lastSpace > start:
			end = lastSpace
		case end == start:
			end = start + 1 // a cell wider than the line: show it anyway
		}
		out = append(out, [2]int{start, end})
		start = end
	}
	return out
}

// explanationLines are a quiz item's explanation and the essay's passage
// with where it is, after the answer is revealed.
func explanationLines(st *Styles, sc *content.Scenario, w int) []string {
	lines := []string{""}
	add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
	add(st.Item.Render(wrapText(flatten(sc.Explanation), w)))
	if sc.Paragraph != nil {
		add("")
		for _, l := range strings.Split(wrapText("“"+flatten(sc.Passage)+"”", max(1, w-2)), "\n") {
			add(st.Accent.Render("▎") + " " + st.Quote.Render(l))
		}
		add(st.Accent.Render(truncate(fmt.Sprintf("%d. %s · ¶%d", sc.Paragraph.Chapter.Number, sc.Paragraph.Chapter.Title, sc.Paragraph.Index+1), w)))
	}
	return lines
}
