package content

import (
	"io/fs"
	"sort"
	"sync"
)

// Validate checks a pack as Load does and reports every problem in every
// file at once, each as "file:line: problem", and apart from them the
// warnings: things worth fixing that do not stop the pack loading (lopsided
// quiz answers, a sign with few scenarios, a chapter with few questions). A
// pack loads exactly when problems is empty.
func Validate(fsys fs.FS) (problems, warnings Problems) {
	_, problems, warnings = load(fsys)
	return problems, warnings
}

// load reads and checks a whole pack. It goes on past a broken file to
// check the others, so an author sees everything in one run; only what
// depends on a file it could not read is left unchecked.
func load(fsys fs.FS) (*Pack, Problems, Problems) {
	p, probs, warns := loadBase(fsys)
	if p == nil {
		return nil, probs, warns
	}
	e, eprobs := p.loadExtras(fsys)
	p.SetExtras(e)
	return p, ordered(append(probs, eprobs...)), p.Warnings
}

// loadBase reads pack.yaml, the source and the article: a pack without
// its glossary, quiz or guide yet. A nil pack comes with the problems that
// stopped it.
func loadBase(fsys fs.FS) (*Pack, Problems, Problems) {
	meta, probs := loadMeta(fsys)
	if meta == nil {
		return nil, ordered(probs), nil
	}
	p := &Pack{Meta: *meta}
	if meta.Source != "" {
		src, sprobs := readFile(fsys, meta.Source, MaxArticleBytes)
		probs = append(probs, sprobs...)
		p.Source = string(src)
	}
	if meta.Article != "" {
		chapters, aprobs := loadArticle(fsys, meta.Article)
		probs = append(probs, aprobs...)
		p.Chapters = chapters
		p.index()
	}
	if len(p.Chapters) == 0 {
		aprobs, warns := checkWithoutArticle(fsys, meta)
		return nil, ordered(append(probs, aprobs...)), warns
	}
	return p, probs, nil
}

// Extras are the parts of a pack besides its article: loaded after it, and
// checked against it.
type Extras struct {
	Glossary *Glossary
	Quiz     *QuizBank
	Guide    *Guide
	Warnings Problems
}

// SetExtras gives a pack its glossary, quiz and guide.
func (p *Pack) SetExtras(e Extras) {
	p.Glossary, p.Quiz, p.Guide, p.Warnings = e.Glossary, e.Quiz, e.Guide, ordered(e.Warnings)
}

func (p *Pack) loadExtras(fsys fs.FS) (Extras, Problems) {
	meta := p.Meta
	// The glossary, the quiz and the guide only read the article, so they
	// load side by side: most of a pack's load time is parsing their YAML.
	var (
		wg                     sync.WaitGroup
		e                      Extras
		gprobs, qprobs, dprobs Problems
		dwarns                 Problems
	)
	if meta.Glossary != "" {
		wg.Go(func() { e.Glossary, gprobs = loadGlossary(fsys, meta.Glossary, p) })
	}
	if meta.Quiz != "" || meta.Scenarios != "" {
		wg.Go(func() { e.Quiz, qprobs = loadQuiz(fsys, meta.Quiz, meta.Scenarios, p) })
	}
	if meta.Guide != "" {
		wg.Go(func() { e.Guide, dprobs, dwarns = loadGuide(fsys, meta.Guide, p) })
	}
	wg.Wait()
	probs := append(append(append(Problems{}, gprobs...), qprobs...), dprobs...)
	if e.Quiz != nil {
		e.Warnings = append(e.Warnings, e.Quiz.Warnings...)
	}
	e.Warnings = append(e.Warnings, dwarns...)
	return e, probs
}

// loadArticle reads and parses the article. An article that would be slow
// to parse (see articleShape) is not parsed.
func loadArticle(fsys fs.FS, file string) ([]*Chapter, Problems) {
	raw, probs := readFile(fsys, file, MaxArticleBytes)
	if raw == nil {
		return nil, probs
	}
	if sprobs := articleShape(file, raw); len(sprobs) > 0 {
		return nil, append(probs, sprobs...)
	}
	chapters, aprobs := parseArticle(file, raw)
	return chapters, append(probs, aprobs...)
}

// yamlKeys are the top-level keys of each YAML file a pack names.
var yamlKeys = map[string][]string{
	"glossary":  {"entries"},
	"quiz":      {"categories", "signs_title", "signs", "principles"},
	"scenarios": {"scenarios"},
	"guide":     {"chapters", "meetings", "map"},
}

// checkWithoutArticle checks what can be checked of the YAML files when
// there is no article to check them against: that they can be read, hold
// nothing forbidden, parse, and have the right top-level keys. A warning
// says that the rest waits for the article.
func checkWithoutArticle(fsys fs.FS, meta *Meta) (probs, warns Problems) {
	for _, key := range []string{"glossary", "quiz", "scenarios", "guide"} {
		file := *meta.ref(key)
		if file == "" {
			continue
		}
		doc, yprobs := loadYAML(fsys, file, MaxYAMLBytes)
		probs = append(probs, yprobs...)
		if doc == nil {
			continue
		}
		_, tprobs := doc.topLevel(yamlKeys[key]...)
		probs = append(probs, tprobs...)
		warns = append(warns, Problem{File: file,
			Msg: "checked only for syntax: it is checked against the article once the article can be read"})
	}
	return probs, warns
}

// ordered sorts problems by file, in the order the files were first
// reported, then by line, keeping the order of those on the same line.
func ordered(ps Problems) Problems {
	rank := map[string]int{}
	for _, p := range ps {
		if _, ok := rank[p.File]; !ok {
			rank[p.File] = len(rank)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ri, rj := rank[ps[i].File], rank[ps[j].File]; ri != rj {
			return ri < rj
		}
		return ps[i].Line < ps[j].Line
	})
	return ps
}
