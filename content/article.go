package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Kind says what a paragraph is in the article's structure.
type Kind int

// The kinds of paragraph an article has.
const (
	Body     Kind = iota // an ordinary paragraph
	Title                // the article's title (a level-1 heading)
	Heading              // one of the article's own headings
	ListItem             // an item of a list; Number is set for numbered lists
	SubItem              // a point nested under a list item
	Quote                // a paragraph of a block quotation
)

// Paragraph is the smallest unit the program points at. Its ID ("p12") is its
// place in the article, counted from 1, and does not depend on how the
// article is split into chapters.
type Paragraph struct {
	ID     string
	Index  int // 0-based place in the whole article
	Kind   Kind
	Number int    // list item number, 0 otherwise
	Text   string // plain text without markdown syntax
	Line   int    // where it starts in the article file

	Chapter *Chapter `compiled:"-"`
	Section *Section `compiled:"-"`
}

// Words is the number of words in the paragraph.
func (p *Paragraph) Words() int { return len(strings.Fields(p.Text)) }

// Section is a run of paragraphs inside a chapter, for navigation and for
// tracking what has been read.
type Section struct {
	ID         string // "3.2": chapter 3, second section
	Title      string
	Paragraphs []*Paragraph
	Chapter    *Chapter `compiled:"-"`
}

// Chapter is one reading unit: a few minutes of the article.
type Chapter struct {
	Number   int    // 1-based
	Slug     string // from the title, for the command line
	Title    string
	Sections []*Section
	// Markdown is the chapter's part of the article, markers removed, ready
	// to render.
	Markdown string
}

// Paragraphs is every paragraph of the chapter in order.
func (c *Chapter) Paragraphs() []*Paragraph {
	var ps []*Paragraph
	for _, s := range c.Sections {
		ps = append(ps, s.Paragraphs...)
	}
	return ps
}

// Words is the number of words in the chapter.
func (c *Chapter) Words() int {
	n := 0
	for _, p := range c.Paragraphs() {
		n += p.Words()
	}
	return n
}

// ReadingMinutes estimates the reading time at wpm words per minute,
// rounded up to a whole minute.
func (c *Chapter) ReadingMinutes(wpm int) int {
	return ReadingMinutes(c.Words(), wpm)
}

// DefaultWPM is the reading speed used when a pack does not give one.
const DefaultWPM = 200

// ReadingMinutes is words/wpm rounded up, at least one minute.
func ReadingMinutes(words, wpm int) int {
	if wpm <= 0 {
		wpm = DefaultWPM
	}
	return max(1, (words+wpm-1)/wpm)
}

// markerRE matches the chapter and section markers an article uses:
// <!-- chapter: Title --> and <!-- section: Title -->.
var markerRE = regexp.MustCompile(`^<!--\s*(chapter|section)\s*:\s*(.*?)\s*-->\s*$`)

// articleParser holds the state of one pass over an article.
type articleParser struct {
	file     string
	src      []byte
	chapters []*Chapter
	probs    Problems
	nextPara int
	lineAt   []int // byte offset of each line start
	starts   []int // byte offset of each chapter marker
}

func parseArticle(file string, src []byte) ([]*Chapter, Problems) {
	ap := &articleParser{file: file, src: src}
	ap.lineAt = append(ap.lineAt, 0)
	for i, b := range src {
		if b == '\n' {
			ap.lineAt = append(ap.lineAt, i+1)
		}
	}
	doc := newMarkdown().Parser().Parse(text.NewReader(src))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		ap.block(n)
	}
	ap.inlineHTML(doc)
	if len(ap.chapters) == 0 {
		ap.problem(1, "no chapters: start the article with a line <!-- chapter: Title -->")
	}
	if len(ap.chapters) > MaxChapters {
		ap.problem(0, fmt.Sprintf("has %d chapters; a pack may have at most %d", len(ap.chapters), MaxChapters))
	}
	ap.finishMarkdown()
	for _, c := range ap.chapters {
		if len(c.Paragraphs()) == 0 {
			ap.problem(0, fmt.Sprintf("chapter %d %q has no text", c.Number, c.Title))
		}
	}
	return ap.chapters, ap.probs
}

// newMarkdown parses articles as Glamour does (GitHub-flavoured, with
// definition lists), so that the structure checked here is the structure
// shown; what the reader cannot show, such as tables, is refused.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))
}

// inlineHTML reports raw HTML inside paragraphs: it is not shown, and the
// article is shown whole.
func (ap *articleParser) inlineHTML(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.RawHTML); ok && entering && h.Segments.Len() > 0 {
			ap.problem(ap.line(h.Segments.At(0).Start), "raw HTML is not shown; write plain text, with markdown for emphasis and links")
		}
		return ast.WalkContinue, nil
	})
}

func (ap *articleParser) problem(line int, msg string) {
	ap.probs = append(ap.probs, Problem{File: ap.file, Line: line, Msg: msg})
}

// line is the 1-based line of a byte offset.
func (ap *articleParser) line(offset int) int {
	lo, hi := 0, len(ap.lineAt)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if ap.lineAt[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// nodeLine is the first source line of a block node.
func (ap *articleParser) nodeLine(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return ap.line(n.Lines().At(0).Start)
		}
	}
	return 0
}

func (ap *articleParser) block(n ast.Node) {
	line := ap.nodeLine(n)
	switch n := n.(type) {
	case *ast.HTMLBlock:
		ap.marker(n, line)
	case *ast.Heading:
		kind := Heading
		if n.Level == 1 {
			kind = Title
		}
		ap.add(kind, 0, inlineText(n, ap.src), line)
	case *ast.Paragraph, *ast.TextBlock:
		ap.add(Body, 0, inlineText(n, ap.src), line)
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			ap.add(Quote, 0, inlineText(c, ap.src), ap.nodeLine(c))
		}
	case *ast.List:
		ap.list(n, ListItem)
	case *ast.ThematicBreak:
	default:
		ap.problem(line, fmt.Sprintf("unsupported markdown block (%s); use paragraphs, headings, lists and quotes", n.Kind()))
	}
}

func (ap *articleParser) list(l *ast.List, kind Kind) {
	num := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok {
				ap.list(sub, SubItem)
				continue
			}
			n := 0
			if l.IsOrdered() && kind == ListItem {
				n = num
			}
			ap.add(kind, n, inlineText(c, ap.src), ap.nodeLine(c))
		}
		num++
	}
}

func (ap *articleParser) marker(n *ast.HTMLBlock, line int) {
	var raw bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		raw.Write(seg.Value(ap.src))
	}
	m := markerRE.FindStringSubmatch(strings.TrimSpace(raw.String()))
	if m == nil {
		ap.problem(line, "raw HTML is not shown; only <!-- chapter: Title --> and <!-- section: Title --> markers are allowed")
		return
	}
	if m[2] == "" {
		ap.problem(line, m[1]+" marker needs a title, e.g. <!-- "+m[1]+": Title -->")
	}
	if m[1] == "chapter" {
		c := &Chapter{Number: len(ap.chapters) + 1, Title: m[2], Slug: slug(m[2])}
		ap.chapters = append(ap.chapters, c)
		ap.starts = append(ap.starts, n.Lines().At(0).Start)
		return
	}
	if len(ap.chapters) == 0 {
		ap.problem(line, "section marker before the first chapter marker")
		return
	}
	c := ap.chapters[len(ap.chapters)-1]
	c.Sections = append(c.Sections, &Section{Title: m[2], Chapter: c,
		ID: fmt.Sprintf("%d.%d", c.Number, len(c.Sections)+1)})
}

func (ap *articleParser) add(kind Kind, number int, txt string, line int) {
	if len(ap.chapters) == 0 {
		ap.problem(line, "text before the first chapter marker <!-- chapter: Title -->")
		return
	}
	c := ap.chapters[len(ap.chapters)-1]
	if len(c.Sections) == 0 {
		c.Sections = append(c.Sections, &Section{Title: c.Title, Chapter: c, ID: fmt.Sprintf("%d.1", c.Number)})
	}
	s := c.Sections[len(c.Sections)-1]
	ap.nextPara++
	s.Paragraphs = append(s.Paragraphs, &Paragraph{
		ID: fmt.Sprintf("p%d", ap.nextPara), Kind: kind, Number: number,
		Text: txt, Line: line, Chapter: c, Section: s,
	})
}

// finishMarkdown cuts the source into one markdown text per chapter, with the
// marker lines taken out.
func (ap *articleParser) finishMarkdown() {
	for i, c := range ap.chapters {
		start, end := ap.starts[i], len(ap.src)
		if i+1 < len(ap.starts) {
			end = ap.starts[i+1]
		}
		var b strings.Builder
		for _, l := range strings.SplitAfter(string(ap.src[start:end]), "\n") {
			if !markerRE.MatchString(strings.TrimSpace(l)) {
				b.WriteString(l)
			}
		}
		c.Markdown = strings.TrimSpace(b.String()) + "\n"
	}
}

// inlineText is the plain text of a block's inline content.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(src))
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// slug makes a command-line friendly name from a title.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
