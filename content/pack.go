// Package content is a study pack as data: its metadata, and its article split
// into chapters, sections and paragraphs with stable IDs that the rest of the
// program points at (saved positions, search hits, glossary occurrences, quiz
// passages). It has no terminal code, so every front end can share it.
package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"

	"github.com/goccy/go-yaml"
)

// MetaFile is the name of a pack's metadata file.
const MetaFile = "pack.yaml"

// Meta is what pack.yaml says about a pack.
type Meta struct {
	// ID is stable across versions of a pack; saved progress is keyed by it.
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	// Credit says who wrote the text and when, as far as the text establishes.
	Credit string `yaml:"credit"`
	// ReadingWPM is the reading speed behind every reading-time estimate.
	ReadingWPM int `yaml:"reading_wpm"`
	// Source optionally names the text exactly as published, kept for checks.
	Source string `yaml:"source"`
	// Article names the markdown file with chapter and section markers.
	Article string `yaml:"article"`
	// Glossary optionally names the glossary file.
	Glossary string `yaml:"glossary"`
	// Quiz optionally names the quiz definition (categories, signs,
	// principles); Scenarios names the scenario bank that uses it.
	Quiz      string `yaml:"quiz"`
	Scenarios string `yaml:"scenarios"`
	// Guide optionally names the discussion guide (summaries, questions,
	// meeting plan).
	Guide string `yaml:"guide"`
}

// Pack is a loaded study pack.
type Pack struct {
	Meta     Meta
	Chapters []*Chapter
	Glossary *Glossary // nil when the pack has none
	Quiz     *QuizBank // nil when the pack has none
	Guide    *Guide    // nil when the pack has none
	// Source is the verbatim published text, when the pack has one.
	Source string

	paragraphs []*Paragraph // every paragraph in reading order
	byID       map[string]*Paragraph
}

// Load reads a pack from fsys (the embedded seeds, or a directory) and returns
// it, or every problem found, each naming the file and line.
func Load(fsys fs.FS) (*Pack, error) {
	raw, err := fs.ReadFile(fsys, MetaFile)
	if err != nil {
		return nil, Problems{{File: MetaFile, Msg: "cannot read: " + err.Error()}}
	}
	var meta Meta
	if err := yaml.UnmarshalWithOptions(raw, &meta, yaml.DisallowUnknownField()); err != nil {
		return nil, Problems{yamlProblem(MetaFile, err)}
	}
	probs := meta.check(raw)
	if meta.Article == "" {
		return nil, probs
	}
	article, err := fs.ReadFile(fsys, meta.Article)
	if err != nil {
		return nil, append(probs, Problem{File: meta.Article, Msg: "cannot read: " + err.Error()})
	}
	p := &Pack{Meta: meta}
	if meta.Source != "" {
		src, err := fs.ReadFile(fsys, meta.Source)
		if err != nil {
			probs = append(probs, Problem{File: meta.Source, Msg: "cannot read: " + err.Error()})
		}
		p.Source = string(src)
	}
	chapters, aprobs := parseArticle(meta.Article, article)
	probs = append(probs, aprobs...)
	if len(probs) > 0 {
		return nil, probs
	}
	p.Chapters = chapters
	p.index()
	if meta.Glossary != "" {
		g, gprobs := loadGlossary(fsys, meta.Glossary, p)
		if len(gprobs) > 0 {
			return nil, gprobs
		}
		p.Glossary = g
	}
	if meta.Quiz != "" || meta.Scenarios != "" {
		q, qprobs := loadQuiz(fsys, meta.Quiz, meta.Scenarios, p)
		probs = append(probs, qprobs...)
		p.Quiz = q
	}
	if meta.Guide != "" {
		g, gprobs := loadGuide(fsys, meta.Guide, p)
		probs = append(probs, gprobs...)
		p.Guide = g
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return p, nil
}

// check reports missing or impossible metadata, each at its line in raw.
func (m *Meta) check(raw []byte) Problems {
	var probs Problems
	need := func(key, val string) {
		if strings.TrimSpace(val) == "" {
			probs = append(probs, Problem{File: MetaFile, Line: keyLine(raw, key), Msg: fmt.Sprintf("%q is required", key)})
		}
	}
	need("id", m.ID)
	need("title", m.Title)
	need("article", m.Article)
	switch {
	case m.ReadingWPM == 0:
		m.ReadingWPM = DefaultWPM
	case m.ReadingWPM < 50 || m.ReadingWPM > 1000:
		probs = append(probs, Problem{File: MetaFile, Line: keyLine(raw, "reading_wpm"),
			Msg: fmt.Sprintf("reading_wpm %d is not a plausible reading speed (50–1000)", m.ReadingWPM)})
	}
	return probs
}

// keyLine is the 1-based line where a top-level key is set, or 0.
func keyLine(raw []byte, key string) int {
	for i, line := range bytes.Split(raw, []byte("\n")) {
		if bytes.HasPrefix(line, []byte(key+":")) {
			return i + 1
		}
	}
	return 0
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
