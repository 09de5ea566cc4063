package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"studyguide/content"
)

// searchModel is a search over the whole pack: the query, every hit in
// reading order, the one the reader is on, and the matches in the chapter on
// screen.
type searchModel struct {
	c      *common
	input  textinput.Model
	typing bool
	query  string
	hits   []content.Hit
	cur    int // index into hits, -1 for none
	// origin is where the reader was when the search started; cancelling
	// goes back there, and the first match shown is the first after it.
	originChapter int
	originAnchor  *anchor
	originPara    int // global paragraph index

	groups      [][]span // matches in the rendering on screen, in order
	chapterHits []int    // indexes into hits that fall in the chapter on screen
}

func newSearch(c *common) searchModel {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "search the essay"
	st := in.Styles()
	st.Cursor.Blink = false // a steady cursor: nothing to redraw while idle
	in.SetStyles(st)
	return searchModel{c: c, input: in, cur: -1}
}

func (s searchModel) active() bool { return s.query != "" }
func (s searchModel) total() int   { return len(s.hits) }

// countText says where the reader is among the matches.
func (s searchModel) countText() string {
	switch {
	case s.query == "":
		return ""
	case len(s.hits) == 0:
		return "no matches"
	case s.cur < 0:
		return fmt.Sprintf("%d matches", len(s.hits))
	}
	return fmt.Sprintf("%d of %d", s.cur+1, len(s.hits))
}

func (s *searchModel) clear() {
	s.query, s.hits, s.cur, s.groups, s.chapterHits = "", nil, -1, nil, nil
	s.input.Reset()
}

// refresh finds the query's matches in a rendering of a chapter.
func (s *searchModel) refresh(r *rendered, chapter int) {
	s.groups, s.chapterHits = nil, nil
	if s.query == "" || r == nil {
		return
	}
	s.groups = r.flat.find(content.FoldText(s.query), false)
	for i, h := range s.hits {
		if h.Para.Chapter.Number-1 == chapter {
			s.chapterHits = append(s.chapterHits, i)
		}
	}
}

// currentGroup is the match on screen that the current hit is, or -1.
func (s searchModel) currentGroup(r *rendered) int {
	if s.cur < 0 || len(s.groups) == 0 {
		return -1
	}
	for j, i := range s.chapterHits {
		if i != s.cur {
			continue
		}
		if len(s.groups) == len(s.chapterHits) {
			return j
		}
		// The rendering and the text disagree on the count (a match broken
		// by wrapping): fall back to the first match in the hit's paragraph.
		hit := s.hits[s.cur]
		for pi, p := range hit.Para.Chapter.Paragraphs() {
			if p == hit.Para {
				for g, grp := range s.groups {
					if grp[0].line >= r.paraLine[pi] {
						return g
					}
				}
			}
		}
	}
	return -1
}

// decorate marks the matches on a rendering's lines (terms already marked).
func (s searchModel) decorate(r *rendered, st *Styles) []string {
	if len(s.groups) == 0 {
		return r.marked
	}
	var all []span
	for _, g := range s.groups {
		all = append(all, g...)
	}
	lines := decorate(r.marked, all, st.Match)
	if g := s.currentGroup(r); g >= 0 {
		lines = decorate(lines, s.groups[g], st.CurrentMatch)
	}
	return lines
}

func (m *readerModel) startSearch() tea.Cmd {
	s := &m.search
	s.clear()
	m.startPeek(false) // searching is looking, until the reader reads there
	s.typing = true
	s.originChapter = m.chapter
	s.originAnchor = m.currentAnchor()
	s.originPara = 0
	if m.r != nil && len(m.r.paraLine) > 0 {
		s.originPara = m.c.pack.Chapters[m.chapter].Paragraphs()[m.topParagraph()].Index
	}
	m.redecorate()
	return s.input.Focus()
}

func (m readerModel) updateSearchInput(msg tea.KeyPressMsg) (readerModel, tea.Cmd) {
	s := &m.search
	switch {
	case key.Matches(msg, m.c.keys.Search.Accept):
		s.typing = false
		s.input.Blur()
		if s.query == "" {
			s.clear()
			if m.peek != nil && !m.peek.quiz {
				m.peek = nil // nothing was looked for: still reading here
			}
		}
		return m, nil
	case key.Matches(msg, m.c.keys.Search.Cancel):
		s.typing = false
		s.input.Blur()
		s.clear()
		m.redecorate()
		if m.peek != nil && !m.peek.quiz {
			m.peek = nil
		}
		cmd := m.openAt(s.originChapter, s.originAnchor)
		return m, cmd
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if s.input.Value() != s.query {
		return m, tea.Batch(cmd, m.setQuery(s.input.Value()))
	}
	return m, cmd
}

// setQuery searches as the reader types and shows the first match after
// where they were.
func (m *readerModel) setQuery(q string) tea.Cmd {
	s := &m.search
	s.query = q
	s.hits = m.c.pack.Search(q)
	s.cur = -1
	if len(s.hits) == 0 { // like vim's incsearch: back to where the search began
		m.search.refresh(m.r, m.chapter)
		m.redecorate()
		if s.originAnchor == nil {
			return nil
		}
		return m.openAt(s.originChapter, s.originAnchor)
	}
	s.cur = 0
	for i, h := range s.hits {
		if h.Para.Index >= s.originPara {
			s.cur = i
			break
		}
	}
	return m.goToHit(s.cur)
}

func (m *readerModel) stepMatch(dir int) tea.Cmd {
	n := len(m.search.hits)
	if n == 0 {
		return nil
	}
	m.search.cur = (m.search.cur + dir + n) % n
	return m.goToHit(m.search.cur)
}

// goToHit shows a hit, opening its chapter if it is elsewhere.
func (m *readerModel) goToHit(i int) tea.Cmd {
	ch := m.search.hits[i].Para.Chapter.Number - 1
	if ch != m.chapter || m.r == nil {
		return m.openAt(ch, &anchor{hit: i})
	}
	m.search.refresh(m.r, m.chapter)
	m.redecorate()
	m.scrollToMatch()
	m.settle()
	return nil
}

// scrollToMatch brings the current match into view, a third of the way
// down, if it is not already visible.
func (m *readerModel) scrollToMatch() {
	g := m.search.currentGroup(m.r)
	if g < 0 {
		return
	}
	line := m.search.groups[g][0].line
	top, h := m.vp.YOffset(), m.vp.Height()
	if line < top || line >= top+h {
		m.vp.SetYOffset(line - h/3)
	}
}

// redecorate re-marks the matches and the focused term on the lines on
// screen. The number of lines does not change, so the viewport keeps its
// scroll state.
func (m *readerModel) redecorate() {
	if m.r == nil {
		return
	}
	m.searchLines = m.search.decorate(m.r, m.c.styles)
	m.refocus()
}
