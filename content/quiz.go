package content

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// QuizBank is a pack's scenario quiz: short made-up situations, each to be
// sorted into one of two categories, then tied back to the essay. The pack
// defines the categories and the tags; nothing here knows the essay's own
// words, so another pack can bring its own.
type QuizBank struct {
	// Categories are the two possible answers. Items keyed to the first one
	// get a follow-up question: which of Signs does it show?
	Categories []Category
	// Signs are the follow-up choices for the first category (the essay's
	// numbered warning signs, IDs "1" to "10").
	Signs []Sign
	// SignsTitle is what the pack calls its signs, plural and in lower case
	// ("warning signs"); "" when the quiz file does not say. See SignsName.
	SignsTitle string
	// Principles tag the items of the second category; they explain an
	// answer but are not asked.
	Principles []Sign
	Scenarios  []*Scenario
	// Warnings are things worth fixing that do not stop the pack loading:
	// lopsided answers, signs with too few scenarios to practise.
	Warnings Problems
}

// Category is one answer to a scenario.
type Category struct {
	ID          string `yaml:"id"`
	Label       string `yaml:"label"`
	Description string `yaml:"description"`
	Line        int    `yaml:"-"` // where it is defined in the quiz file
}

// Sign is a tag a scenario carries: one of the signs of the first category,
// or one of the principles of the second.
type Sign struct {
	ID    string `yaml:"id"`
	Label string `yaml:"label"`
	// Description explains the tag. When the quiz file gives none it is the
	// text of Paragraph, so a sign reads in the essay's own words.
	Description string `yaml:"description"`
	// Paragraph is the ID of the paragraph that states it, "" if none.
	Paragraph string `yaml:"paragraph"`
	Line      int    `yaml:"-"` // where it is defined in the quiz file
}

// Scenario is one quiz item: a situation, its answer, and the passage of the
// essay that explains it.
type Scenario struct {
	ID         string `yaml:"id"`
	Setting    string `yaml:"setting"`   // e.g. "tenant union"
	Viewpoint  string `yaml:"viewpoint"` // whose eyes the text uses
	Difficulty string `yaml:"difficulty"`
	Text       string `yaml:"text"`
	Answer     string `yaml:"answer"` // a category ID
	// Signs tag an item of the first category; Principles one of the second.
	Signs       []string `yaml:"signs"`
	Principles  []string `yaml:"principles"`
	Explanation string   `yaml:"explanation"`
	// Passage is quoted word for word from the paragraph ParagraphID.
	Passage     string `yaml:"passage"`
	ParagraphID string `yaml:"paragraph"`

	Paragraph *Paragraph `yaml:"-" compiled:"-"`
	Chapter   int        `yaml:"-"` // the number of the paragraph's chapter
	Line      int        `yaml:"-"` // where the item starts in the scenarios file
}

// Difficulties are the difficulty levels a scenario may have, easiest first.
var Difficulties = []string{"easy", "medium", "hard"}

// Quiz limits: lengths in words, and what the warnings look for.
const (
	MinScenarioWords    = 15
	MaxScenarioWords    = 110
	MinExplanationWords = 40
	MaxExplanationWords = 100
	// MinSignScenarios is how many scenarios a sign needs to be practised.
	MinSignScenarios = 4
	// MinAnswerShare and MaxAnswerShare bound each category's share of the
	// answers, in percent, so guessing one answer throughout does not pay.
	MinAnswerShare = 45
	MaxAnswerShare = 55
)

// idRE is what every quiz ID looks like: progress files refer to them.
var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// SignCategory is the category whose items get the follow-up sign question:
// the first one.
func (b *QuizBank) SignCategory() Category {
	if len(b.Categories) == 0 {
		return Category{}
	}
	return b.Categories[0]
}

// Category finds a category by its ID.
func (b *QuizBank) Category(id string) (Category, bool) {
	for _, c := range b.Categories {
		if c.ID == id {
			return c, true
		}
	}
	return Category{}, false
}

// Sign finds one of the follow-up signs by its ID.
func (b *QuizBank) Sign(id string) (Sign, bool) { return findTag(b.Signs, id) }

// Principle finds a principle by its ID.
func (b *QuizBank) Principle(id string) (Sign, bool) { return findTag(b.Principles, id) }

func findTag(list []Sign, id string) (Sign, bool) {
	for _, s := range list {
		if s.ID == id {
			return s, true
		}
	}
	return Sign{}, false
}

// Scenario finds a scenario by its ID.
func (b *QuizBank) Scenario(id string) (*Scenario, bool) {
	for _, s := range b.Scenarios {
		if s.ID == id {
			return s, true
		}
	}
	return nil, false
}

// ByChapter is the scenarios whose passage is in chapter n, in bank order.
func (b *QuizBank) ByChapter(n int) []*Scenario {
	var out []*Scenario
	for _, s := range b.Scenarios {
		if s.Chapter == n {
			out = append(out, s)
		}
	}
	return out
}

// SignsOf is the signs a scenario is tagged with, in its order.
func (b *QuizBank) SignsOf(s *Scenario) []Sign { return lookupAll(s.Signs, b.Sign) }

// PrinciplesOf is the principles a scenario is tagged with, in its order.
func (b *QuizBank) PrinciplesOf(s *Scenario) []Sign { return lookupAll(s.Principles, b.Principle) }

func lookupAll(ids []string, find func(string) (Sign, bool)) []Sign {
	var out []Sign
	for _, id := range ids {
		if sg, ok := find(id); ok {
			out = append(out, sg)
		}
	}
	return out
}

func loadQuiz(fsys fs.FS, quizFile, scenariosFile string, p *Pack) (*QuizBank, Problems) {
	if quizFile == "" || scenariosFile == "" {
		return nil, Problems{{File: MetaFile, Msg: `"quiz" and "scenarios" go together: name both files`}}
	}
	b := &QuizBank{}
	probs := byLine(b.loadDefinitions(fsys, quizFile, p))
	probs = append(probs, byLine(b.loadScenarios(fsys, scenariosFile, p))...)
	b.Warnings = b.warnings(quizFile, scenariosFile)
	return b, probs
}

// byLine orders one file's problems by line, keeping the order of those on
// the same line.
func byLine(ps Problems) Problems {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
	return ps
}

// readYAML reads and parses one file of the quiz and checks its top-level
// keys.
func readYAML(fsys fs.FS, file string, keys ...string) (*yamlDoc, map[string]ast.Node, Problems) {
	doc, probs := loadYAML(fsys, file, MaxYAMLBytes)
	if doc == nil {
		return nil, nil, probs
	}
	top, tprobs := doc.topLevel(keys...)
	return doc, top, append(probs, tprobs...)
}

// list is the entries under a required top-level key, at most max of them.
func (d *yamlDoc) list(top map[string]ast.Node, key, what string, max int) ([]ast.Node, Problems) {
	n, ok := top[key]
	if !ok {
		return nil, Problems{{File: d.file, Line: 1, Msg: fmt.Sprintf("missing %q: %s", key, what)}}
	}
	nodes, probs := d.entries(n, key)
	nodes, lprobs := d.limit(nodes, max, key)
	return nodes, append(probs, lprobs...)
}

// loadDefinitions reads the quiz file: categories, signs and principles.
func (b *QuizBank) loadDefinitions(fsys fs.FS, file string, p *Pack) Problems {
	doc, top, probs := readYAML(fsys, file, yamlKeys["quiz"]...)
	if doc == nil {
		return probs
	}
	probs = append(probs, b.readSignsTitle(doc, top)...)
	nodes, lprobs := doc.list(top, "categories", "the two possible answers", MaxSigns)
	probs = append(probs, lprobs...)
	seen := map[string]int{}
	for _, n := range nodes {
		c := Category{Line: nodeLine(n)}
		if dp := safeDecode(doc, n, &c); dp != nil {
			probs = append(probs, dp...)
			continue
		}
		probs = append(probs, checkID(file, c.Line, "category", c.ID, seen)...)
		for _, f := range [][2]string{{"label", c.Label}, {"description", c.Description}} {
			if strings.TrimSpace(f[1]) == "" {
				probs = append(probs, Problem{File: file, Line: c.Line, Msg: fmt.Sprintf("category %q needs a %q", c.ID, f[0])})
			}
		}
		b.Categories = append(b.Categories, c)
	}
	if _, ok := top["categories"]; ok && lprobs == nil && len(nodes) != 2 {
		probs = append(probs, Problem{File: file, Line: fieldLine(doc.root, "categories"),
			Msg: fmt.Sprintf("a quiz has exactly two categories, not %d", len(nodes))})
	}
	var sprobs Problems
	b.Signs, sprobs = readSigns(doc, top, "signs", p)
	probs = append(probs, sprobs...)
	b.Principles, sprobs = readSigns(doc, top, "principles", p)
	return append(probs, sprobs...)
}

// readSigns reads a list of signs or principles.
func readSigns(doc *yamlDoc, top map[string]ast.Node, key string, p *Pack) ([]Sign, Problems) {
	nodes, probs := doc.list(top, key, "the tags scenarios use", MaxSigns)
	var out []Sign
	seen := map[string]int{}
	what := strings.TrimSuffix(key, "s")
	for _, n := range nodes {
		s := Sign{Line: nodeLine(n)}
		if dp := safeDecode(doc, n, &s); dp != nil {
			probs = append(probs, dp...)
			continue
		}
		bad := func(key, msg string, args ...any) {
			probs = append(probs, Problem{File: doc.file, Line: fieldLine(n, key),
				Msg: fmt.Sprintf("%s %q: ", what, s.ID) + fmt.Sprintf(msg, args...)})
		}
		probs = append(probs, checkID(doc.file, s.Line, what, s.ID, seen)...)
		if strings.TrimSpace(s.Label) == "" {
			bad("label", `needs a "label"`)
		}
		if s.Paragraph != "" {
			if para, ok := p.Paragraph(s.Paragraph); !ok {
				bad("paragraph", "paragraph %q is not in the article", s.Paragraph)
			} else if strings.TrimSpace(s.Description) == "" {
				s.Description = para.Text
			}
		}
		if strings.TrimSpace(s.Description) == "" && s.Paragraph == "" {
			bad("description", `needs a "description" or a "paragraph" that states it`)
		}
		out = append(out, s)
	}
	if _, ok := top[key]; ok && len(nodes) == 0 && len(probs) == 0 {
		probs = append(probs, Problem{File: doc.file, Line: fieldLine(doc.root, key), Msg: fmt.Sprintf("%q is empty", key)})
	}
	return out, probs
}

// safeDecode is doc.decode that survives go-yaml v1.19.2 panicking on some
// malformed input (a tag before a broken block sequence), reporting it as a
// problem at the entry. (guide.go's decodeEntry does the same; the two
// belong in yamlDoc.decode.)
func safeDecode(doc *yamlDoc, n ast.Node, v any) (probs Problems) {
	defer func() {
		if r := recover(); r != nil {
			probs = Problems{{File: doc.file, Line: nodeLine(n), Msg: "cannot read this entry: malformed YAML"}}
		}
	}()
	return doc.decode(n, v)
}

// checkID reports a missing, malformed or repeated ID; seen maps the IDs
// met so far to their lines.
func checkID(file string, line int, what, id string, seen map[string]int) Problems {
	switch {
	case id == "":
		return Problems{{File: file, Line: line, Msg: fmt.Sprintf(`%s without an "id"`, what)}}
	case !idRE.MatchString(id):
		return Problems{{File: file, Line: line, Msg: fmt.Sprintf("%s id %q: use lower-case letters, digits and single dashes", what, id)}}
	}
	if first, dup := seen[id]; dup {
		return Problems{{File: file, Line: line, Msg: fmt.Sprintf("%s id %q is already used (line %d)", what, id, first)}}
	}
	seen[id] = line
	return nil
}

// loadScenarios reads the scenarios file and checks every item against the
// quiz definitions and the article.
func (b *QuizBank) loadScenarios(fsys fs.FS, file string, p *Pack) Problems {
	doc, top, probs := readYAML(fsys, file, "scenarios")
	if doc == nil {
		return probs
	}
	nodes, lprobs := doc.list(top, "scenarios", "the quiz items", MaxScenarios)
	probs = append(probs, lprobs...)
	seen := map[string]int{}
	for _, n := range nodes {
		s := &Scenario{Line: nodeLine(n)}
		if dp := safeDecode(doc, n, s); dp != nil {
			probs = append(probs, dp...)
			continue
		}
		probs = append(probs, checkID(file, s.Line, "scenario", s.ID, seen)...)
		probs = append(probs, b.checkScenario(s, n, file, p)...)
		b.Scenarios = append(b.Scenarios, s)
	}
	if _, ok := top["scenarios"]; ok && len(nodes) == 0 && len(lprobs) == 0 {
		probs = append(probs, Problem{File: file, Line: fieldLine(doc.root, "scenarios"), Msg: `"scenarios" is empty`})
	}
	return probs
}

// checkScenario validates one item and links it to its paragraph.
func (b *QuizBank) checkScenario(s *Scenario, n ast.Node, file string, p *Pack) Problems {
	var probs Problems
	bad := func(key, msg string, args ...any) {
		probs = append(probs, Problem{File: file, Line: fieldLine(n, key), Msg: s.ID + ": " + fmt.Sprintf(msg, args...)})
	}
	for _, f := range [][2]string{{"setting", s.Setting}, {"viewpoint", s.Viewpoint}, {"text", s.Text},
		{"answer", s.Answer}, {"explanation", s.Explanation}, {"passage", s.Passage}, {"paragraph", s.ParagraphID}} {
		if strings.TrimSpace(f[1]) == "" {
			bad(f[0], "%q is required", f[0])
		}
	}
	if !contains(Difficulties, s.Difficulty) {
		bad("difficulty", "difficulty %q is not one of %v", s.Difficulty, Difficulties)
	}
	if w := len(strings.Fields(s.Text)); s.Text != "" && (w < MinScenarioWords || w > MaxScenarioWords) {
		bad("text", "text has %d words; keep it between %d and %d", w, MinScenarioWords, MaxScenarioWords)
	}
	if w := len(strings.Fields(s.Explanation)); s.Explanation != "" && (w < MinExplanationWords || w > MaxExplanationWords) {
		bad("explanation", "explanation has %d words; keep it between %d and %d", w, MinExplanationWords, MaxExplanationWords)
	}
	probs = append(probs, b.checkTags(s, n, file)...)
	if s.ParagraphID == "" {
		return probs
	}
	para, ok := p.Paragraph(s.ParagraphID)
	if !ok {
		bad("paragraph", "paragraph %q is not in the article", s.ParagraphID)
		return probs
	}
	s.Paragraph, s.Chapter = para, para.Chapter.Number
	if msg := passageMismatch(s.Passage, para); s.Passage != "" && msg != "" {
		bad("passage", "%s", msg)
	}
	return probs
}

// checkTags checks the answer and the signs or principles that go with it.
func (b *QuizBank) checkTags(s *Scenario, n ast.Node, file string) Problems {
	var probs Problems
	bad := func(key, msg string, args ...any) {
		probs = append(probs, Problem{File: file, Line: fieldLine(n, key), Msg: s.ID + ": " + fmt.Sprintf(msg, args...)})
	}
	if s.Answer == "" || len(b.Categories) == 0 {
		return nil
	}
	if _, ok := b.Category(s.Answer); !ok {
		bad("answer", "answer %q is not a category (%s)", s.Answer, b.categoryIDs())
		return probs
	}
	want, other := "signs", "principles"
	tags, find := s.Signs, b.Sign
	stray := s.Principles
	if s.Answer != b.SignCategory().ID {
		want, other = other, want
		tags, find, stray = s.Principles, b.Principle, s.Signs
	}
	if len(tags) == 0 {
		bad("answer", "a %q item needs at least one of %q", s.Answer, want)
	}
	if len(stray) > 0 {
		bad(other, "a %q item takes %q, not %q", s.Answer, want, other)
	}
	seen := map[string]bool{}
	for _, id := range tags {
		if _, ok := find(id); !ok {
			bad(want, "%q is not one of the %s in the quiz file", id, want)
		}
		if seen[id] {
			bad(want, "%q is listed twice", id)
		}
		seen[id] = true
	}
	return probs
}

func (b *QuizBank) categoryIDs() string {
	var ids []string
	for _, c := range b.Categories {
		ids = append(ids, c.ID)
	}
	return strings.Join(ids, " or ")
}

// passageMismatch says how a passage fails to be a verbatim part of the
// paragraph, or "" if it is one. Differences in quotation marks, dashes and
// spacing are reported, not forgiven: the passage is shown as the essay's
// own words.
func passageMismatch(passage string, para *Paragraph) string {
	if strings.Contains(para.Text, passage) {
		return ""
	}
	if len(IndexAll(FoldText(para.Text), FoldText(passage))) > 0 {
		return fmt.Sprintf("passage differs from %s in quotation marks, apostrophes, dashes or spacing; copy it exactly", para.ID)
	}
	// The longest start of the passage that the paragraph has shows where
	// they part.
	rs := []rune(passage)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if strings.Contains(para.Text, string(rs[:mid])) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return fmt.Sprintf("passage is not in %s", para.ID)
	}
	from := max(0, lo-30)
	return fmt.Sprintf("passage is not in %s: it departs from the text after %q", para.ID, "…"+string(rs[from:lo]))
}

// warnings looks at the bank as a whole.
func (b *QuizBank) warnings(quizFile, scenariosFile string) Problems {
	var ws Problems
	if len(b.Scenarios) > 0 && len(b.Categories) > 0 {
		first := b.SignCategory()
		n := 0
		for _, s := range b.Scenarios {
			if s.Answer == first.ID {
				n++
			}
		}
		if pct := 100 * n / len(b.Scenarios); 100*n < MinAnswerShare*len(b.Scenarios) || 100*n > MaxAnswerShare*len(b.Scenarios) {
			ws = append(ws, Problem{File: scenariosFile, Msg: fmt.Sprintf(
				"answers are lopsided: %d of %d (%d%%) are %q; keep each category between %d%% and %d%%",
				n, len(b.Scenarios), pct, first.ID, MinAnswerShare, MaxAnswerShare)})
		}
	}
	count := map[string]int{}
	for _, s := range b.Scenarios {
		for _, id := range s.Signs {
			count[id]++
		}
	}
	for _, sg := range b.Signs {
		if count[sg.ID] < MinSignScenarios {
			ws = append(ws, Problem{File: quizFile, Line: sg.Line, Msg: fmt.Sprintf(
				"sign %q (%s) is tagged on %d %s; it needs at least %d to be practised",
				sg.ID, sg.Label, count[sg.ID], plural(count[sg.ID], "scenario", "scenarios"), MinSignScenarios)})
		}
	}
	return ws
}
