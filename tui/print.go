package tui

import (
	"fmt"
	"io"
	"strings"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// PrintOptions say how to print chapters to a stream.
type PrintOptions struct {
	Width int
	// Styled renders markdown with colour for a terminal; otherwise plain
	// text for pipes, printers, screen readers and NO_COLOR.
	Styled bool
	IsDark bool
}

// Print writes one chapter, or the whole essay when ch is nil. The whole
// essay is printed as the essay: its own title and headings, no chapter
// titles added, so what comes out is the text and only the text.
func Print(w io.Writer, pack *content.Pack, ch *content.Chapter, opts PrintOptions) error {
	width := max(opts.Width, 20)
	chapters := pack.Chapters
	if ch != nil {
		chapters = []*content.Chapter{ch}
	}
	if opts.Styled {
		return printStyled(w, pack, chapters, ch != nil, width, opts.IsDark)
	}
	var b strings.Builder
	b.Grow(48 << 10)
	for i, c := range chapters {
		if i > 0 {
			b.WriteString("\n")
		}
		if ch != nil {
			fmt.Fprintf(&b, "Chapter %d of %d: %s\n\n", c.Number, len(pack.Chapters), c.Title)
		}
		paras := c.Paragraphs()
		for k, p := range paras {
			writePlainParagraph(&b, p, width)
			// A blank line after each paragraph, except between the items
			// of one list.
			if k+1 == len(paras) || !listy(p) || !listy(paras[k+1]) {
				b.WriteString("\n")
			}
		}
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

func printStyled(w io.Writer, pack *content.Pack, chapters []*content.Chapter, one bool, width int, isDark bool) error {
	var md strings.Builder
	for _, c := range chapters {
		if one {
			fmt.Fprintf(&md, "*Chapter %d of %d: %s*\n\n", c.Number, len(pack.Chapters), c.Title)
		}
		md.WriteString(c.Markdown)
		md.WriteString("\n")
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(glamourStyle(isDark)), glamour.WithWordWrap(width))
	if err != nil {
		return err
	}
	out, err := tr.Render(md.String())
	out = inertLinks(out)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out)
	return err
}

// writePlainParagraph writes a paragraph as plain text: wrapped, list items
// with a hanging indent, quotations indented.
func writePlainParagraph(b *strings.Builder, p *content.Paragraph, width int) {
	first, rest := "", ""
	switch p.Kind {
	case content.ListItem:
		first = fmt.Sprintf("%3d. ", p.Number)
		if p.Number == 0 {
			first = "   - "
		}
		rest = "     "
	case content.SubItem:
		first, rest = "       • ", "         "
	case content.Quote:
		first, rest = "    ", "    "
	}
	b.WriteString(first)
	wrapWords(b, p.Text, max(width-len(rest), 10), rest)
	b.WriteString("\n")
}

func listy(p *content.Paragraph) bool { return p.Kind == content.ListItem || p.Kind == content.SubItem }

// wrapWords fills lines with whole words, starting each line after the
// first with indent. Unlike terminal word-wrapping it never breaks after a
// hyphen, so "heavily-regulated" stays one word for screen readers and for
// counting.
func wrapWords(b *strings.Builder, text string, width int, indent string) {
	lineWidth := -1 // no word on the line yet
	for w := range strings.SplitSeq(text, " ") {
		if w == "" {
			continue
		}
		ww := wordWidth(w)
		switch {
		case lineWidth < 0:
			lineWidth = ww
		case lineWidth+1+ww > width:
			b.WriteString("\n")
			b.WriteString(indent)
			lineWidth = ww
		default:
			b.WriteByte(' ')
			lineWidth += 1 + ww
		}
		b.WriteString(w)
	}
}

// wordWidth is the width of a word in cells: its length when it is plain
// ASCII, as most words are, otherwise its measured width.
func wordWidth(w string) int {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 0x20 || c >= 0x7f {
			return ansi.StringWidth(w)
		}
	}
	return len(w)
}
