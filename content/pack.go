// Package content is a study pack as data: its metadata, and its article split
// into chapters, sections and paragraphs with stable IDs that the rest of the
// program points at (saved positions, search hits, glossary occurrences, quiz
// passages). It has no terminal code, so every front end can share it.
package content

import "io/fs"

// Pack is a loaded study pack.
type Pack struct {
	Meta     Meta
	Chapters []*Chapter
	Glossary *Glossary // nil when the pack has none
	Quiz     *QuizBank // nil when the pack has none
	Guide    *Guide    // nil when the pack has none
	// Source is the verbatim published text, when the pack has one.
	Source string
	// Warnings are things worth fixing that do not stop the pack loading,
	// such as lopsided quiz answers or a chapter with few questions.
	Warnings Problems

	paragraphs []*Paragraph // every paragraph in reading order
	byID       map[string]*Paragraph
}

// Load reads a pack from fsys (the embedded seeds, or a pack directory
// as LoadDir opens it) and returns it, or every problem found, each naming the
// file and line. A pack with any problem is refused whole, so nothing from
// it is ever shown; its warnings are kept in Pack.Warnings.
func Load(fsys fs.FS) (*Pack, error) {
	p, probs, _ := load(fsys)
	if len(probs) > 0 {
		return nil, probs
	}
	return p, nil
}

func (p *Pack) index() {
	p.byID = make(map[string]*Paragraph)
	p.paragraphs = p.paragraphs[:0]
	for _, c := range p.Chapters {
		for _, s := range c.Sections {
			for _, para := range s.Paragraphs {
				para.Index = len(p.paragraphs)
				p.paragraphs = append(p.paragraphs, para)
				p.byID[para.ID] = para
			}
		}
	}
}

// Paragraphs is every paragraph of the article in reading order.
func (p *Pack) Paragraphs() []*Paragraph { return p.paragraphs }

// Paragraph finds a paragraph by its ID.
func (p *Pack) Paragraph(id string) (*Paragraph, bool) {
	para, ok := p.byID[id]
	return para, ok
}

// Words is the number of words in the whole article.
func (p *Pack) Words() int {
	n := 0
	for _, c := range p.Chapters {
		n += c.Words()
	}
	return n
}
