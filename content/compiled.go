package content

import (
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
)

// Compiled is a loaded pack written out as data, so that a program can carry
// a pack it has already loaded and checked (the built-in essay) and start
// without parsing its YAML and markdown again. It holds what Load returns
// without the links between the parts, which are pointers: Pack rebuilds
// them. Fields marked `compiled:"-"` are such links and are left out.
type Compiled struct {
	// Files are the pack's files, and Fingerprint identifies their contents
	// (see Fingerprint), so a program can tell when they have changed since.
	Files       []string
	Fingerprint string
	Meta        Meta
	Source      string
	Chapters    []*Chapter
	Terms       []*Term
	// Occurrences are, for each of Terms, the indices (Paragraph.Index) of
	// the paragraphs it occurs in.
	Occurrences [][]int
	Quiz        *QuizBank
	Guide       *Guide
	Warnings    Problems
}

// Compile is the pack as data for Compiled.Pack to rebuild. It was loaded
// from fsys: Compiled.Files and Compiled.Fingerprint identify the files.
func (p *Pack) Compile(fsys fs.FS) (*Compiled, error) {
	files, err := PackFiles(fsys)
	if err != nil {
		return nil, err
	}
	fp, err := Fingerprint(fsys, files)
	if err != nil {
		return nil, err
	}
	c := &Compiled{Files: files, Fingerprint: fp, Meta: p.Meta, Source: p.Source, Chapters: p.Chapters,
		Quiz: p.Quiz, Guide: p.Guide, Warnings: p.Warnings}
	if p.Glossary != nil {
		c.Terms = p.Glossary.Terms
		c.Occurrences = make([][]int, len(c.Terms))
		for i, t := range c.Terms {
			for _, para := range t.Occurrences {
				c.Occurrences[i] = append(c.Occurrences[i], para.Index)
			}
		}
	}
	return c, nil
}

// Pack rebuilds the pack: the links from paragraphs to their sections and
// chapters, the index of paragraphs, the glossary's lookup and occurrences,
// the paragraphs of quiz items and discussion questions. It reads c and
// changes it (the pack shares its parts), so it is called once for a given
// Compiled.
func (c *Compiled) Pack() (*Pack, error) {
	p := &Pack{Meta: c.Meta, Source: c.Source, Chapters: c.Chapters, Quiz: c.Quiz, Guide: c.Guide, Warnings: c.Warnings}
	for _, ch := range p.Chapters {
		for _, s := range ch.Sections {
			s.Chapter = ch
			for _, para := range s.Paragraphs {
				para.Chapter, para.Section = ch, s
			}
		}
	}
	p.index()
	if c.Terms != nil {
		if len(c.Occurrences) != len(c.Terms) {
			return nil, fmt.Errorf("compiled pack: %d terms but %d lists of occurrences", len(c.Terms), len(c.Occurrences))
		}
		g := &Glossary{byKey: make(map[string]*Term, 2*len(c.Terms))}
		for i, t := range c.Terms {
			if probs := g.add(t, nil, ""); len(probs) > 0 {
				return nil, probs
			}
			t.Occurrences = make([]*Paragraph, len(c.Occurrences[i]))
			for k, at := range c.Occurrences[i] {
				if at < 0 || at >= len(p.paragraphs) {
					return nil, fmt.Errorf("compiled pack: term %q occurs in paragraph %d of %d", t.Term, at, len(p.paragraphs))
				}
				t.Occurrences[k] = p.paragraphs[at]
			}
		}
		p.Glossary = g
	}
	if err := p.linkParagraphs(); err != nil {
		return nil, err
	}
	return p, nil
}

// linkParagraphs points quiz items and discussion questions at the
// paragraphs their IDs name.
func (p *Pack) linkParagraphs() error {
	find := func(id string) (*Paragraph, error) {
		if id == "" {
			return nil, nil
		}
		para, ok := p.Paragraph(id)
		if !ok {
			return nil, fmt.Errorf("compiled pack: no paragraph %q", id)
		}
		return para, nil
	}
	var err error
	if p.Quiz != nil {
		for _, s := range p.Quiz.Scenarios {
			if s.Paragraph, err = find(s.ParagraphID); err != nil {
				return err
			}
		}
	}
	if p.Guide != nil {
		for _, cg := range p.Guide.Chapters {
			for i := range cg.Questions {
				q := &cg.Questions[i]
				if q.Paragraph, err = find(q.ParagraphID); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// PackFiles are pack.yaml and the files it names, in the order they are
// read.
func PackFiles(fsys fs.FS) ([]string, error) {
	meta, probs := loadMeta(fsys)
	if meta == nil || len(probs) > 0 {
		return nil, ordered(probs)
	}
	names := []string{MetaFile}
	for _, key := range refKeys {
		if f := *meta.ref(key); f != "" {
			names = append(names, f)
		}
	}
	return names, nil
}

// Fingerprint identifies the contents of files by name, length and
// checksum: it changes when any of them does.
func Fingerprint(fsys fs.FS, files []string) (string, error) {
	h := crc32.NewIEEE()
	buf := make([]byte, 32<<10)
	var sum []byte
	for _, name := range files {
		f, err := fsys.Open(name)
		if err != nil {
			return "", err
		}
		h.Reset()
		n, err := io.CopyBuffer(h, f, buf)
		f.Close()
		if err != nil {
			return "", err
		}
		sum = fmt.Appendf(sum, "%s:%d:%08x;", name, n, h.Sum32())
	}
	return string(sum), nil
}
