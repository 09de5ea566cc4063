package content

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/goccy/go-yaml/ast"
)

// ArgMap is a reading's argument at a glance: the steps of the argument in
// order (for the built-in essay: the tension, the pressures, the ten warning
// signs, the alternative, the cases), each a few short nodes that name the
// chapter they open. It is the guide file's optional "map" section; a pack
// without one has no map.
type ArgMap struct {
	Title  string     `yaml:"title"`
	Stages []MapStage `yaml:"stages"`

	Line int `yaml:"-"`
}

// MapStage is one step of the argument. Its title says how it follows from
// the steps before ("From the tension sprout ten warning signs"); its nodes
// are given, or, with Signs, are the quiz's signs, numbered and labelled as
// the quiz labels them, opening Chapter.
type MapStage struct {
	Title   string    `yaml:"title"`
	Note    string    `yaml:"note"`
	Signs   bool      `yaml:"signs"`
	Chapter int       `yaml:"chapter"`
	Nodes   []MapNode `yaml:"nodes"`

	Line int `yaml:"-"`
}

// MapNode is one node of a stage: a short label, and the chapter it opens,
// at a paragraph when it names one (the chapter is then that paragraph's).
type MapNode struct {
	Label       string `yaml:"label"`
	Chapter     int    `yaml:"chapter"`
	ParagraphID string `yaml:"paragraph"`

	Line int `yaml:"-"`
}

// Limits on a map, so that it stays something to take in at a glance.
const (
	MaxMapStages = 12
	MaxMapNodes  = 24  // nodes of one stage
	MaxMapLabel  = 64  // cells in a node's label, a stage's title or the map's title
	MaxMapNote   = 160 // cells in a stage's note
	// DefaultMapTitle is the title of a map that gives none.
	DefaultMapTitle = "The argument at a glance"
)

// ArgMap is the pack's argument map, or nil when it has none.
func (p *Pack) ArgMap() *ArgMap {
	if p == nil || p.Guide == nil {
		return nil
	}
	return p.Guide.Map
}

// MapItem is one node as the map shows it: a sign's number (0 for other
// nodes), its label, and where it leads.
type MapItem struct {
	Number    int
	Label     string
	Chapter   int
	Paragraph string // "" opens the chapter at its start
}

// Items are the nodes of each stage, in order, with a stage of signs filled
// in from the pack's quiz.
func (m *ArgMap) Items(p *Pack) [][]MapItem {
	out := make([][]MapItem, len(m.Stages))
	for i, st := range m.Stages {
		if st.Signs {
			if p.Quiz == nil {
				continue
			}
			for j, sg := range p.Quiz.Signs {
				it := MapItem{Number: j + 1, Label: sg.Label, Chapter: st.Chapter}
				if para, ok := p.Paragraph(sg.Paragraph); ok && para.Chapter.Number == st.Chapter {
					it.Paragraph = para.ID
				}
				out[i] = append(out[i], it)
			}
			continue
		}
		for _, n := range st.Nodes {
			out[i] = append(out[i], MapItem{Label: n.Label, Chapter: n.Chapter, Paragraph: n.ParagraphID})
		}
	}
	return out
}

// loadMap decodes and checks the guide's "map" section.
func loadMap(doc *yamlDoc, n ast.Node, p *Pack) (*ArgMap, Problems) {
	m := &ArgMap{Line: nodeLine(n)}
	probs := decodeEntry(doc, n, m)
	if probs != nil && decodeLenient(n, m) != nil {
		return nil, probs
	}
	bad := func(line int, msg string, args ...any) {
		probs = append(probs, Problem{File: doc.file, Line: line, Msg: "map: " + fmt.Sprintf(msg, args...)})
	}
	m.Title = oneLine(m.Title)
	if m.Title == "" {
		m.Title = DefaultMapTitle
	} else if w := ansi.StringWidth(m.Title); w > MaxMapLabel {
		bad(fieldLine(n, "title"), "the title is %d characters; keep it to %d", w, MaxMapLabel)
	}
	switch k := len(m.Stages); {
	case k == 0:
		bad(m.Line, `no "stages": give the steps of the argument, each with its nodes`)
	case k > MaxMapStages:
		bad(fieldLine(n, "stages"), "%d stages; a map may have at most %d", k, MaxMapStages)
		m.Stages = m.Stages[:MaxMapStages]
	}
	snodes := listUnder(n, "stages")
	for i := range m.Stages {
		sn := n
		if i < len(snodes) {
			sn = snodes[i]
		}
		probs = append(probs, m.Stages[i].check(doc.file, i+1, sn, p)...)
	}
	return m, probs
}

// check validates one stage and resolves its nodes' chapters.
func (st *MapStage) check(file string, num int, n ast.Node, p *Pack) Problems {
	var probs Problems
	bad := func(line int, msg string, args ...any) {
		probs = append(probs, Problem{File: file, Line: line, Msg: fmt.Sprintf("map stage %d: ", num) + fmt.Sprintf(msg, args...)})
	}
	st.Line = nodeLine(n)
	st.Title, st.Note = oneLine(st.Title), oneLine(st.Note)
	switch w := ansi.StringWidth(st.Title); {
	case w == 0:
		bad(st.Line, `needs a "title": how this step follows from the one before`)
	case w > MaxMapLabel:
		bad(fieldLine(n, "title"), "the title is %d characters; keep it to %d", w, MaxMapLabel)
	}
	if w := ansi.StringWidth(st.Note); w > MaxMapNote {
		bad(fieldLine(n, "note"), "the note is %d characters; keep it to %d", w, MaxMapNote)
	}
	if st.Signs {
		switch {
		case len(st.Nodes) > 0:
			bad(fieldLine(n, "nodes"), `has both "signs" and "nodes": a stage of signs takes its nodes from the quiz`)
		case p.Meta.Quiz == "":
			bad(fieldLine(n, "signs"), "lists the quiz's signs, but the pack has no quiz")
		case st.Chapter < 1 || st.Chapter > len(p.Chapters):
			bad(fieldLine(n, "chapter"), `a stage of signs needs the "chapter" that sets them out (1 to %d)`, len(p.Chapters))
		}
		return probs
	}
	if st.Chapter != 0 {
		bad(fieldLine(n, "chapter"), `"chapter" belongs to each node, or to a stage of signs`)
	}
	switch k := len(st.Nodes); {
	case k == 0:
		bad(st.Line, `needs "nodes" (or "signs: true" for the quiz's signs)`)
	case k > MaxMapNodes:
		bad(fieldLine(n, "nodes"), "%d nodes; a stage may have at most %d", k, MaxMapNodes)
		st.Nodes = st.Nodes[:MaxMapNodes]
	}
	nnodes := listUnder(n, "nodes")
	for i := range st.Nodes {
		nn := n
		if i < len(nnodes) {
			nn = nnodes[i]
		}
		for _, msg := range st.Nodes[i].check(nn, p) {
			bad(fieldLine(nn, msg.key), "node %d: %s", i+1, msg.text)
		}
	}
	return probs
}

// check validates a node: a label, and a chapter or paragraph that exists;
// a paragraph decides the chapter.
func (nd *MapNode) check(n ast.Node, p *Pack) []fieldMsg {
	var out []fieldMsg
	nd.Line = nodeLine(n)
	nd.Label = oneLine(nd.Label)
	switch w := ansi.StringWidth(nd.Label); {
	case w == 0:
		out = append(out, fieldMsg{"label", `needs a "label"`})
	case w > MaxMapLabel:
		out = append(out, fieldMsg{"label", fmt.Sprintf("the label is %d characters; keep it to %d", w, MaxMapLabel)})
	}
	if nd.ParagraphID != "" {
		para, ok := p.Paragraph(nd.ParagraphID)
		switch {
		case !ok:
			return append(out, fieldMsg{"paragraph", fmt.Sprintf("paragraph %q is not a paragraph of the article", nd.ParagraphID)})
		case nd.Chapter != 0 && nd.Chapter != para.Chapter.Number:
			return append(out, fieldMsg{"chapter", fmt.Sprintf("paragraph %s is in chapter %d, not %d", para.ID, para.Chapter.Number, nd.Chapter)})
		}
		nd.Chapter = para.Chapter.Number
	}
	switch {
	case nd.Chapter == 0:
		out = append(out, fieldMsg{"label", `needs the "chapter" (or "paragraph") it opens`})
	case nd.Chapter < 1 || nd.Chapter > len(p.Chapters):
		out = append(out, fieldMsg{"chapter", fmt.Sprintf("chapter %d does not exist: the article has chapters 1 to %d", nd.Chapter, len(p.Chapters))})
	}
	return out
}

// oneLine is text as one line: YAML folding and runs of spaces become one
// space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
