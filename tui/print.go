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
	for i, c := range chapters {
		if i > 0 {
			b.WriteString("\n")
		}
		if ch != nil {
			fmt.Fprintf(&b, "Chapter %d of %d: %s\n\n", c.Number, len(pack.Chapters), c.Title)
		}
		for _, p := range c.Paragraphs() {
			b.WriteString(plainParagraph(p, width))
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

// plainParagraph is a paragraph as plain text: wrapped, list items with a
// hanging indent, quotations indented, each followed by a blank line except
// between items of one list.
func plainParagraph(p *content.Paragraph, width int) string {
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
	lines := wrapWords(p.Text, max(width-len(rest), 10))
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = rest + lines[i]
		}
	}
	out := strings.Join(lines, "\n") + "\n"
	if p.Kind == content.ListItem || p.Kind == content.SubItem {
		if next := nextParagraph(p); next != nil && (next.Kind == content.ListItem || next.Kind == content.SubItem) {
			return out
		}
	}
	return out + "\n"
}

// wrapWords fills lines with whole words. Unlike terminal word-wrapping it
// never breaks after a hyphen, so "heavily-regulated" stays one word for
// screen readers and for counting.
func wrapWords(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Split(text, " ") {
		if w == "" {
			continue
		}
		if cur.Len() > 0 && ansi.StringWidth(cur.String())+1+ansi.StringWidth(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	return append(lines, cur.String())
}

func nextParagraph(p *content.Paragraph) *content.Paragraph {
	paras := p.Chapter.Paragraphs()
	for i, q := range paras {
		if q == p && i+1 < len(paras) {
			return paras[i+1]
		}
	}
	return nil
}
