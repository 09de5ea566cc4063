package tui

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// Printing, styled for a terminal or plain for a pipe, the whole essay or
// one chapter, holds each chapter's last paragraph whole, at a wide and a
// narrow width.
func TestPrintHoldsEveryChaptersLastParagraph(t *testing.T) {
	layoutOnly(t)
	pack := testPack(t)
	for _, styled := range []bool{true, false} {
		for _, width := range []int{80, 34} {
			opts := PrintOptions{Width: width, Styled: styled, IsDark: true}
			var all strings.Builder
			if err := Print(&all, pack, nil, opts); err != nil {
				t.Fatal(err)
			}
			whole := printedText(all.String())
			at := 0
			for _, ch := range pack.Chapters {
				last := lastParagraph(ch)
				i := strings.Index(whole[at:], printedText(last.Text))
				if i < 0 {
					t.Errorf("styled %v, width %d: the whole essay lacks chapter %d's last paragraph (%s) after the chapters before it: %.60q",
						styled, width, ch.Number, last.ID, last.Text)
				} else {
					at += i
				}
				var one strings.Builder
				if err := Print(&one, pack, ch, opts); err != nil {
					t.Fatal(err)
				}
				out := printedText(one.String())
				if !strings.HasSuffix(out, printedText(last.Text)) {
					t.Errorf("styled %v, width %d: chapter %d does not end with its last paragraph (%s): ends %q",
						styled, width, ch.Number, last.ID, out[max(0, len(out)-80):])
				}
			}
		}
	}
}

func lastParagraph(ch *content.Chapter) *content.Paragraph {
	ps := ch.Paragraphs()
	return ps[len(ps)-1]
}

// printedText is printed text with the styling, the spaces and line breaks
// and the quotation bars taken out, so a paragraph is found however it was
// wrapped.
func printedText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '│' || r == '▎' {
			return -1
		}
		return r
	}, ansi.Strip(s))
}
