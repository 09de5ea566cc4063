package content

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
)

// MetaFile is the name of a pack's metadata file.
const MetaFile = "pack.yaml"

// Meta is what pack.yaml says about a pack.
type Meta struct {
	// ID is stable across versions of a pack; saved progress is keyed by it,
	// and it names the folder progress is kept in, so it is a slug.
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

// Limits on what pack.yaml says.
const (
	MaxIDLength    = 64
	MaxTitleLength = 200 // characters, for the title
)

// packIDRE is what a pack ID looks like: it becomes a folder name.
var packIDRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// metaKeys are the keys pack.yaml may have.
var metaKeys = []string{"id", "title", "credit", "reading_wpm", "source", "article", "glossary", "quiz", "scenarios", "guide"}

// loadMeta reads pack.yaml. It returns nil only when there is nothing to go
// on; otherwise the fields that could be read, with every problem found.
// A file name that is refused is left empty, so it is never opened.
func loadMeta(fsys fs.FS) (*Meta, Problems) {
	doc, probs := loadYAML(fsys, MetaFile, MaxMetaBytes)
	if doc == nil {
		return nil, probs
	}
	top, tprobs := doc.topLevel(metaKeys...)
	probs = append(probs, tprobs...)
	if top == nil {
		return nil, probs
	}
	m := &Meta{}
	fields := map[string]*string{"id": &m.ID, "title": &m.Title, "credit": &m.Credit, "source": &m.Source,
		"article": &m.Article, "glossary": &m.Glossary, "quiz": &m.Quiz, "scenarios": &m.Scenarios, "guide": &m.Guide}
	for _, key := range metaKeys {
		n, ok := top[key]
		if !ok {
			continue
		}
		var dp Problems
		if key == "reading_wpm" {
			dp = doc.decode(n, &m.ReadingWPM)
		} else {
			dp = doc.decode(n, fields[key])
		}
		for i := range dp {
			dp[i].Msg = key + ": " + dp[i].Msg
		}
		probs = append(probs, dp...)
	}
	return m, append(probs, m.check(doc)...)
}

// check reports missing or impossible metadata, each at its line.
func (m *Meta) check(doc *yamlDoc) Problems {
	var probs Problems
	bad := func(key, msg string, args ...any) {
		probs = append(probs, Problem{File: MetaFile, Line: fieldLine(doc.root, key), Msg: fmt.Sprintf(msg, args...)})
	}
	for _, f := range [][2]string{{"id", m.ID}, {"title", m.Title}, {"article", m.Article}} {
		if strings.TrimSpace(f[1]) == "" {
			bad(f[0], "%q is required", f[0])
		}
	}
	if m.ID != "" && (!packIDRE.MatchString(m.ID) || len(m.ID) > MaxIDLength) {
		bad("id", "id %q: use lower-case letters, digits and single dashes, at most %d characters (it names the folder progress is kept in)", m.ID, MaxIDLength)
	}
	if strings.Contains(strings.TrimSpace(m.Title), "\n") || len([]rune(m.Title)) > MaxTitleLength {
		bad("title", "title should be one line of at most %d characters", MaxTitleLength)
	}
	switch {
	case m.ReadingWPM == 0:
		m.ReadingWPM = DefaultWPM
	case m.ReadingWPM < 50 || m.ReadingWPM > 1000:
		bad("reading_wpm", "reading_wpm %d is not a plausible reading speed (50–1000)", m.ReadingWPM)
	}
	for _, key := range refKeys {
		f := m.ref(key)
		if *f == "" {
			continue
		}
		if msg := refProblem(key, *f); msg != "" {
			bad(key, "%s", msg)
			*f = ""
		}
	}
	return probs
}

// ref is the field of a key that names a file.
func (m *Meta) ref(key string) *string {
	switch key {
	case "source":
		return &m.Source
	case "article":
		return &m.Article
	case "glossary":
		return &m.Glossary
	case "quiz":
		return &m.Quiz
	case "scenarios":
		return &m.Scenarios
	}
	return &m.Guide
}
