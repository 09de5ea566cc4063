package content

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// Guide is a pack's discussion guide: for each chapter a short summary of
// its key ideas and a few discussion questions, each grounded in a passage;
// optionally a plan that groups the chapters into meetings, and a map of the
// argument.
type Guide struct {
	// Chapters is one entry per chapter of the article, in chapter order.
	Chapters []*ChapterGuide
	// Meetings is the suggested plan, in order; empty when the guide leaves
	// it to Pack.Plan.
	Meetings []Meeting
	// Map is the argument at a glance; nil when the guide has none.
	Map *ArgMap
}

// ChapterGuide is the summary and questions for one chapter.
type ChapterGuide struct {
	Chapter   int        `yaml:"chapter"`
	Summary   []string   `yaml:"summary"`
	Questions []Question `yaml:"questions"`

	Line int `yaml:"-"` // where the entry starts in the guide file
}

// Question is an open discussion question grounded in a passage of the
// chapter: Quote occurs verbatim in the paragraph it names.
type Question struct {
	Text        string     `yaml:"text"`
	ParagraphID string     `yaml:"paragraph"`
	Paragraph   *Paragraph `yaml:"-" compiled:"-"` // resolved from ParagraphID
	Quote       string     `yaml:"quote"`

	Line int `yaml:"-"`
}

// Meeting is one reading-group meeting of the suggested plan.
type Meeting struct {
	Title    string `yaml:"title"`
	Chapters []int  `yaml:"chapters"`
	// Focus says what to concentrate on, and what to keep if time is short.
	Focus string `yaml:"focus"`

	Line int `yaml:"-"`
}

// For is the guide to one chapter, or nil when there is none.
func (g *Guide) For(chapter int) *ChapterGuide {
	if g == nil {
		return nil
	}
	for _, cg := range g.Chapters {
		if cg.Chapter == chapter {
			return cg
		}
	}
	return nil
}

// Limits on a chapter's guide, so that every chapter gets a summary worth
// reading and enough, but not too many, questions for one meeting. Most
// chapters need three to six key ideas; a chapter that is itself a list
// (the essay's ten warning signs, each with its reason) needs more.
const (
	MinSummaryBullets = 3
	MaxSummaryBullets = 12
	MinQuestions      = 3
	MaxQuestions      = 5
)

// yesNoOpeners are first words that usually make a question answerable with
// yes or no, which closes a discussion instead of opening one.
var yesNoOpeners = []string{"is", "are", "was", "were", "do", "does", "did", "can", "should",
	"will", "would", "could", "has", "have"}

func loadGuide(fsys fs.FS, file string, p *Pack) (*Guide, Problems, Problems) {
	doc, probs := loadYAML(fsys, file, MaxYAMLBytes)
	if doc == nil {
		return nil, probs, nil
	}
	top, tprobs := doc.topLevel(yamlKeys["guide"]...)
	probs = append(probs, tprobs...)
	if top == nil {
		return nil, probs, nil
	}
	g := &Guide{}
	var warns Problems
	if list, ok := top["chapters"]; ok {
		cprobs, cwarns := g.loadChapters(doc, list, p)
		probs, warns = append(probs, cprobs...), cwarns
	} else {
		probs = append(probs, Problem{File: file, Line: 1, Msg: `missing "chapters": a summary and questions for each chapter`})
	}
	if list, ok := top["meetings"]; ok {
		probs = append(probs, g.loadMeetings(doc, list, len(p.Chapters))...)
	}
	if n, ok := top["map"]; ok {
		var mprobs Problems
		g.Map, mprobs = loadMap(doc, n, p)
		probs = append(probs, mprobs...)
	}
	return g, byLine(probs), byLine(warns)
}

// loadChapters decodes and checks the per-chapter entries, then reports
// chapters of the article that have none.
func (g *Guide) loadChapters(doc *yamlDoc, list ast.Node, p *Pack) (probs, warns Problems) {
	nodes, probs := doc.entries(list, "chapters")
	nodes, lprobs := doc.limit(nodes, MaxChapters, "chapters")
	probs = append(probs, lprobs...)
	seen := map[int]*ChapterGuide{}
	complete := true // every entry decoded, so a missing chapter is really missing
	for _, n := range nodes {
		cg := &ChapterGuide{Line: nodeLine(n)}
		if dp := decodeEntry(doc, n, cg); dp != nil {
			probs = append(probs, dp...)
			// Decode leniently to check the rest of the entry too.
			if decodeLenient(n, cg) != nil {
				complete = false
				continue
			}
		}
		bad := func(line int, msg string, args ...any) {
			probs = append(probs, Problem{File: doc.file, Line: line, Msg: fmt.Sprintf(msg, args...)})
		}
		switch other, dup := seen[cg.Chapter]; {
		case cg.Chapter == 0:
			bad(cg.Line, `entry without a "chapter" number`)
			continue
		case cg.Chapter < 1 || cg.Chapter > len(p.Chapters):
			bad(fieldLine(n, "chapter"), "chapter %d does not exist: the article has chapters 1 to %d", cg.Chapter, len(p.Chapters))
			continue
		case dup:
			bad(fieldLine(n, "chapter"), "chapter %d already has a guide (line %d)", cg.Chapter, other.Line)
			continue
		}
		seen[cg.Chapter] = cg
		g.Chapters = append(g.Chapters, cg)
		cprobs, cwarns := cg.check(doc.file, n, p)
		probs, warns = append(probs, cprobs...), append(warns, cwarns...)
	}
	sort.SliceStable(g.Chapters, func(i, j int) bool { return g.Chapters[i].Chapter < g.Chapters[j].Chapter })
	if complete {
		for _, c := range p.Chapters {
			if seen[c.Number] == nil {
				probs = append(probs, Problem{File: doc.file, Line: fieldLine(doc.root, "chapters"),
					Msg: fmt.Sprintf("chapter %d %q has no summary or questions", c.Number, c.Title)})
			}
		}
	}
	return probs, warns
}

// check validates one chapter's summary and questions against the article,
// and resolves each question's paragraph. How many bullets and questions
// there are is a warning: a short pack may well have fewer.
func (cg *ChapterGuide) check(file string, n ast.Node, p *Pack) (probs, warns Problems) {
	add := func(to *Problems, line int, msg string, args ...any) {
		*to = append(*to, Problem{File: file, Line: line,
			Msg: fmt.Sprintf("chapter %d: ", cg.Chapter) + fmt.Sprintf(msg, args...)})
	}
	bad := func(line int, msg string, args ...any) { add(&probs, line, msg, args...) }
	if k := len(cg.Summary); k > MaxGuideItems {
		bad(fieldLine(n, "summary"), "summary has %d bullets; a pack may have at most %d", k, MaxGuideItems)
		cg.Summary = cg.Summary[:MaxGuideItems]
	} else if k < MinSummaryBullets || k > MaxSummaryBullets {
		add(&warns, fieldLine(n, "summary"), "summary has %d bullets; give %d to %d", k, MinSummaryBullets, MaxSummaryBullets)
	}
	for i, s := range cg.Summary {
		if strings.TrimSpace(s) == "" {
			bad(fieldLine(n, "summary"), "summary bullet %d is empty", i+1)
		}
	}
	if k := len(cg.Questions); k > MaxGuideItems {
		bad(fieldLine(n, "questions"), "%d questions; a pack may have at most %d", k, MaxGuideItems)
		cg.Questions = cg.Questions[:MaxGuideItems]
	} else if k < MinQuestions || k > MaxQuestions {
		add(&warns, fieldLine(n, "questions"), "%d questions; give %d to %d", k, MinQuestions, MaxQuestions)
	}
	qnodes := listUnder(n, "questions")
	for i := range cg.Questions {
		q := &cg.Questions[i]
		qn := n
		if i < len(qnodes) {
			qn = qnodes[i]
		}
		q.Line = nodeLine(qn)
		for _, msg := range q.check(p, cg.Chapter) {
			bad(fieldLine(qn, msg.key), "%s", msg.text)
		}
	}
	return probs, warns
}

// fieldMsg is a problem with one field of an entry.
type fieldMsg struct{ key, text string }

// check validates a question: open, grounded in a paragraph of its chapter,
// and quoting that paragraph verbatim.
func (q *Question) check(p *Pack, chapter int) []fieldMsg {
	var out []fieldMsg
	text := strings.TrimSpace(q.Text)
	switch {
	case text == "":
		out = append(out, fieldMsg{"text", `question without "text"`})
	case !strings.HasSuffix(text, "?"):
		out = append(out, fieldMsg{"text", fmt.Sprintf("question %q does not end with \"?\"", clip(text))})
	case isYesNo(text):
		out = append(out, fieldMsg{"text", fmt.Sprintf("question %q can be answered yes or no; ask an open question (how, what, why, which…)", clip(text))})
	}
	if q.ParagraphID == "" {
		return append(out, fieldMsg{"paragraph", `question without "paragraph"`})
	}
	para, ok := p.Paragraph(q.ParagraphID)
	if !ok {
		return append(out, fieldMsg{"paragraph", fmt.Sprintf("paragraph %q is not a paragraph of the article", q.ParagraphID)})
	}
	q.Paragraph = para
	if para.Chapter.Number != chapter {
		out = append(out, fieldMsg{"paragraph", fmt.Sprintf("paragraph %s is in chapter %d, not this one", para.ID, para.Chapter.Number)})
	}
	switch {
	case strings.TrimSpace(q.Quote) == "":
		out = append(out, fieldMsg{"quote", `question without "quote": a passage of its paragraph`})
	case !strings.Contains(collapseSpace(para.Text), collapseSpace(q.Quote)):
		out = append(out, fieldMsg{"quote", fmt.Sprintf("quote %q does not occur verbatim in %s", clip(q.Quote), para.ID)})
	}
	return out
}

// isYesNo reports whether a question opens with a word that invites a yes
// or no answer.
func isYesNo(text string) bool {
	first := strings.Fields(text)
	if len(first) == 0 {
		return false
	}
	w := strings.ToLower(strings.Trim(first[0], `"'“‘(`))
	return contains(yesNoOpeners, w)
}

// collapseSpace makes every run of white space one space, so that a quote
// folded over several lines of YAML still matches the paragraph. Nothing
// else is normalised: quote marks and dashes must be the essay's own.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens long text for a problem message.
func clip(s string) string {
	s = collapseSpace(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

// decodeEntry is doc.decode that survives go-yaml v1.19.2 panicking on
// some malformed input (a tag before a broken block sequence, found by
// FuzzGuide), reporting it as a problem at the entry.
func decodeEntry(doc *yamlDoc, n ast.Node, v any) (probs Problems) {
	defer func() {
		if r := recover(); r != nil {
			probs = Problems{{File: doc.file, Line: nodeLine(n), Msg: "cannot read this entry: malformed YAML"}}
		}
	}()
	return doc.decode(n, v)
}

// decodeLenient decodes n into v ignoring unknown keys, so that an entry with
// one wrong key is still checked; it fails on anything worse.
func decodeLenient(n ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed YAML: %v", r)
		}
	}()
	return yaml.NodeToValue(n, v)
}

// listUnder is the items of the sequence under key in a mapping node.
func listUnder(n ast.Node, key string) []ast.Node {
	for _, p := range pairs(n) {
		if keyName(p.Key) == key {
			if seq, ok := p.Value.(*ast.SequenceNode); ok {
				return seq.Values
			}
		}
	}
	return nil
}

// loadMeetings decodes the meeting plan and checks that it takes the
// chapters once each, in reading order.
func (g *Guide) loadMeetings(doc *yamlDoc, list ast.Node, chapters int) Problems {
	nodes, probs := doc.entries(list, "meetings")
	nodes, lprobs := doc.limit(nodes, MaxMeetings, "meetings")
	probs = append(probs, lprobs...)
	bad := func(line int, msg string, args ...any) {
		probs = append(probs, Problem{File: doc.file, Line: line, Msg: fmt.Sprintf(msg, args...)})
	}
	where := map[int]int{} // chapter → meeting number
	last, complete := 0, true
	for i, n := range nodes {
		m := Meeting{Line: nodeLine(n)}
		if dp := decodeEntry(doc, n, &m); dp != nil {
			probs = append(probs, dp...)
			if decodeLenient(n, &m) != nil {
				complete = false
				continue
			}
		}
		if strings.TrimSpace(m.Title) == "" {
			bad(m.Line, "meeting %d has no \"title\"", i+1)
		}
		if len(m.Chapters) == 0 {
			bad(fieldLine(n, "chapters"), "meeting %d lists no \"chapters\"", i+1)
		} else if len(m.Chapters) > MaxChapters {
			bad(fieldLine(n, "chapters"), "meeting %d lists %d chapters; a pack has at most %d", i+1, len(m.Chapters), MaxChapters)
			m.Chapters = m.Chapters[:MaxChapters]
		}
		line := fieldLine(n, "chapters")
		for _, c := range m.Chapters {
			switch other, dup := where[c]; {
			case c < 1 || c > chapters:
				bad(line, "meeting %d: chapter %d does not exist: the article has chapters 1 to %d", i+1, c, chapters)
			case dup:
				bad(line, "meeting %d: chapter %d is already in meeting %d", i+1, c, other)
			case c < last:
				where[c] = i + 1
				bad(line, "meeting %d: chapter %d comes after chapter %d; keep the chapters in reading order", i+1, c, last)
			default:
				where[c] = i + 1
				last = c
			}
		}
		g.Meetings = append(g.Meetings, m)
	}
	if complete && len(nodes) > 0 {
		for c := 1; c <= chapters; c++ {
			if where[c] == 0 {
				bad(fieldLine(doc.root, "meetings"), "chapter %d is in no meeting", c)
			}
		}
	}
	return probs
}
