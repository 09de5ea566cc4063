package webdoor

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"time"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/room"
)

//go:embed assets
var assets embed.FS

// assetHandler serves the page's stylesheet and script, from the binary.
func assetHandler() http.Handler {
	sub, _ := fs.Sub(assets, "assets/static")
	fsrv := http.FileServer(http.FS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}

// pages are the parsed templates.
type pages struct{ t *template.Template }

func newPages() (*pages, error) {
	t, err := template.New("").Funcs(template.FuncMap{"pct": pct}).ParseFS(assets, "assets/*.html")
	if err != nil {
		return nil, fmt.Errorf("the web door's pages: %w", err)
	}
	return &pages{t: t}, nil
}

// pct is count as a whole percentage of total, for a tally's bars.
func pct(count, total int) int {
	if total <= 0 {
		return 0
	}
	return (100*count + total/2) / total
}

// render writes a page, or says in one line that it could not.
func (p *pages) render(w http.ResponseWriter, status int, name string, data any) {
	var b bytes.Buffer
	if err := p.t.ExecuteTemplate(&b, name, data); err != nil {
		http.Error(w, "This page could not be made.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// fragment is a template's output as a string (an event's data).
func (p *pages) fragment(name string, data any) (string, error) {
	var b bytes.Buffer
	err := p.t.ExecuteTemplate(&b, name, data)
	return b.String(), err
}

// joinData is the join page.
type joinData struct {
	Title  string
	Code   string // from the QR code's URL: the code field is then filled
	Name   string
	Notice string
}

// Grouped is the code as the facilitator's screen shows it.
func (d joinData) Grouped() string { return room.FormatCode(d.Code) }

// roomData is a member's page: the step they see, their votes, where the
// room is.
type roomData struct {
	Title       string
	Token       string
	Word        string
	Counter     string
	Present     int
	Following   bool
	RoomCounter string
	DriverLeft  bool
	Heading     string
	Blocks      []blockData
	Vote        *voteData
	Explanation []blockData
	CanBack     bool
	CanAhead    bool
	Notice      string
	// Clock is the facilitator's timer ("4:32"), "" when not started;
	// ClockMS what is left in milliseconds, for the page's script to count
	// down while Running.
	Clock   string
	ClockMS int64
	Running bool
}

type blockData struct {
	Class  string
	Prefix string
	Parts  []partData
}

// partData is a run of a block's text: a glossary term (Term ≥ 0, its
// index in the glossary) or not (-1).
type partData struct {
	Text string
	Term int
}

type voteData struct {
	Scenario string
	Shown    bool
	Polls    []pollData
}

type pollData struct {
	Name     string // "category" or "sign": which vote a button casts
	Question string
	Open     bool
	Revealed bool
	Options  []optionData
	Total    int
	Said     string
	Essay    string
	Verdict  string // "agrees", "differs" or ""
	Mine     string
}

type optionData struct {
	ID, Label, Key string
	Mine           bool
	Count          int
	Right          bool
}

// goodbyeData is the page when the member's seat is no longer on this
// screen: the meeting ended, they left, or they took it on another screen.
type goodbyeData struct {
	Title   string
	Head    string
	Word    string
	Token   string
	Replace bool // offer to take the seat back here
	Ended   bool // the meeting is over: nothing to join again
	Intro   string
	Misses  []meeting.Missed
}

// termData is a glossary entry.
type termData struct {
	Title      string
	Term       string
	Kind       string
	Definition string
	Outside    string
	Related    []termLink
	Chapters   []string
	Fragment   bool
}

type termLink struct {
	N    int
	Term string
}

// roomView is the page's data for a member's connection.
func (s *Server) roomView(m *member, conn *room.Member, notice string) roomData {
	mv := conn.View()
	at := mv.Step.Index
	if at < 0 || at >= s.deck.Len() {
		at = 0
	}
	sc := s.deck.At(at).Scenario
	var iv room.ItemView
	shown := false
	if sc != nil {
		iv, shown = conn.Item(sc.ID)
	}
	seen := s.deck.See(s.pack, at, mv, iv, shown)
	text := s.deck.Text(s.pack, at)
	d := roomData{Title: s.pack.Meta.Title, Token: m.token, Word: m.word, Counter: seen.Counter, Present: seen.Present,
		Following: seen.Following, RoomCounter: seen.RoomCounter, DriverLeft: seen.DriverLeft, Heading: text.Heading,
		Blocks: s.blocks(text.Blocks), CanBack: at > 0, CanAhead: at+1 < s.deck.Len(), Notice: notice}
	if t := seen.Timer; t.Shown {
		left := t.Remaining(time.Now())
		d.Clock = fmt.Sprintf("%d:%02d", int(left/time.Minute), int(left%time.Minute/time.Second))
		d.ClockMS, d.Running = left.Milliseconds(), t.Running && left > 0
	}
	if v := seen.Vote; v != nil {
		d.Vote = &voteData{Scenario: sc.ID, Shown: v.Shown, Polls: []pollData{pollView("category", v.Category)}}
		if v.Sign != nil && v.Category.Revealed {
			d.Vote.Polls = append(d.Vote.Polls, pollView("sign", *v.Sign))
		}
		if v.Explained {
			d.Explanation = s.blocks(meeting.Explanation(sc))
		}
	}
	return d
}

func pollView(name string, p meeting.Poll) pollData {
	out := pollData{Name: name, Question: p.Question, Open: p.Open, Revealed: p.Revealed, Said: p.Said, Essay: p.Essay}
	switch p.Verdict {
	case meeting.Agrees:
		out.Verdict = "agrees"
	case meeting.Differs:
		out.Verdict = "differs"
	}
	for i, o := range p.Options {
		out.Options = append(out.Options, optionData{ID: o.ID, Label: o.Label, Key: o.Key, Mine: i == p.Mine, Count: o.Count, Right: o.Right})
		out.Total += o.Count
		if i == p.Mine {
			out.Mine = o.Label
		}
	}
	return out
}

// blocks are a step's blocks for the page, terms as links to their entries.
func (s *Server) blocks(bs []meeting.Block) []blockData {
	var out []blockData
	for _, b := range bs {
		bd := blockData{Class: blockClass[b.Kind], Prefix: b.Prefix}
		runes := []rune(b.Text)
		at := 0
		for _, sp := range b.Terms {
			if sp.Start > at {
				bd.Parts = append(bd.Parts, partData{Text: string(runes[at:sp.Start]), Term: -1})
			}
			bd.Parts = append(bd.Parts, partData{Text: string(runes[sp.Start:sp.End]), Term: s.termIndex(sp.Term)})
			at = sp.End
		}
		if at < len(runes) {
			bd.Parts = append(bd.Parts, partData{Text: string(runes[at:]), Term: -1})
		}
		out = append(out, bd)
	}
	return out
}

var blockClass = map[meeting.BlockKind]string{meeting.Body: "body", meeting.Heading: "heading", meeting.ListItem: "item",
	meeting.SubItem: "subitem", meeting.Quote: "quote", meeting.Strong: "strong", meeting.Note: "note"}

// termIndex is a term's place in the glossary, which names its page.
func (s *Server) termIndex(t *content.Term) int {
	for i, g := range s.pack.Glossary.Terms {
		if g == t {
			return i
		}
	}
	return -1
}

// termView is glossary entry n, false when there is none.
func (s *Server) termView(n string) (termData, bool) {
	g := s.pack.Glossary
	i, err := strconv.Atoi(n)
	if g == nil || err != nil || i < 0 || i >= len(g.Terms) {
		return termData{}, false
	}
	t := g.Terms[i]
	d := termData{Title: s.pack.Meta.Title, Term: t.Term, Kind: t.Kind, Definition: meeting.Flatten(t.Definition),
		Outside: meeting.Flatten(t.Outside)}
	for _, r := range t.Related {
		if rt, ok := g.Lookup(r); ok {
			d.Related = append(d.Related, termLink{N: s.termIndex(rt), Term: rt.Term})
		}
	}
	for _, ch := range t.Chapters() {
		d.Chapters = append(d.Chapters, fmt.Sprintf("%d. %s", ch.Number, ch.Title))
	}
	return d, true
}

// goodbyeView is the page of a seat no longer on this screen.
func (s *Server) goodbyeView(m *member, conn *room.Member, exit room.Exit) goodbyeData {
	d := goodbyeData{Title: s.pack.Meta.Title, Word: m.word, Token: m.token}
	switch exit {
	case room.Closed:
		d.Head, d.Ended = "The facilitator ended the meeting. Thank you for coming!", true
	case room.Replaced:
		d.Head, d.Replace = "You joined the room from another screen, so this page stopped following it.", true
	default:
		d.Head = "You left the room. To get your seat and your votes back, join again and type your seat word " + m.word + " where the name goes."
	}
	if conn != nil {
		d.Misses = meeting.Misses(s.pack, conn.Misses())
	}
	d.Intro = meeting.MissesIntro(len(d.Misses))
	return d
}
