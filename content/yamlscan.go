package content

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// The YAML parser's time and memory grow much faster than the file on some
// input: [ nested in [ ten thousand times takes 175 MB, sixty lines of
// "- - - …" take gigabytes. yamlShape measures a file before it is parsed,
// in one pass, closely enough to refuse such files: it follows quoted
// texts, block texts and comments as YAML does, and counts how deep the
// [..] and {..} lists and the "- - -" runs go and how many items the lists
// hold.

// yamlScan is the state of one pass over a YAML file.
type yamlScan struct {
	state       byte // 0 plain, '"' or '\'' inside a quoted text, '|' inside a block text
	blockIndent int  // indentation of the line that opened a block text
	flow        int  // depth of [..] and {..}
	items       int  // items of [..] and {..} so far
	valueStart  bool // the next character may begin a value
	probs       Problems
	deep, many  bool // reported already
}

// yamlShape reports a file that nests deeper than MaxNesting or whose
// [..] and {..} lists hold more than MaxFlowItems items.
func yamlShape(file string, raw []byte) Problems {
	s := &yamlScan{}
	for i, line := range strings.Split(string(raw), "\n") {
		s.line(file, i+1, line)
	}
	return s.probs
}

func (s *yamlScan) line(file string, n int, line string) {
	indent := len(line) - len(strings.TrimLeft(line, " "))
	i := 0
	switch s.state {
	case '|':
		if strings.TrimSpace(line) == "" || indent > s.blockIndent {
			return
		}
		s.state, i = 0, indent
	case '"', '\'':
	default:
		i = indent
	}
	if s.state == 0 && s.flow == 0 {
		s.valueStart = true
		depth := 0
		for i+1 <= len(line) && (line[i] == '-' || line[i] == '?') && (i+1 == len(line) || line[i+1] == ' ') {
			depth++
			i += 2
			for i < len(line) && line[i] == ' ' {
				i++
			}
		}
		s.check(file, n, depth)
	}
	s.scan(file, n, line, i, indent)
}

// scan follows one line from byte i.
func (s *yamlScan) scan(file string, n int, line string, i, indent int) {
	space := true
	for ; i < len(line); i++ {
		c := line[i]
		switch s.state {
		case '"':
			if c == '\\' {
				i++
			} else if c == '"' {
				s.state, s.valueStart = 0, false
			}
			continue
		case '\'':
			if c == '\'' && i+1 < len(line) && line[i+1] == '\'' {
				i++
			} else if c == '\'' {
				s.state, s.valueStart = 0, false
			}
			continue
		}
		switch {
		case c == ' ' || c == '\t':
			space = true
			continue
		case c == '#' && space:
			return
		case s.valueStart && (c == '"' || c == '\''):
			s.state = c
		case s.valueStart && s.flow == 0 && (c == '|' || c == '>'):
			s.state, s.blockIndent = '|', indent
			return
		case s.valueStart && (c == '[' || c == '{'):
			s.flow++
			s.check(file, n, s.flow)
		case s.flow > 0 && (c == ']' || c == '}'):
			s.flow--
			s.valueStart = false
		case s.flow > 0 && c == ',':
			s.items++
			s.valueStart = true
			if s.items > MaxFlowItems && !s.many {
				s.many = true
				s.probs = append(s.probs, Problem{File: file, Line: n,
					Msg: fmt.Sprintf("lists in [..] or {..} hold more than %d items in all; write them as lists of lines", MaxFlowItems)})
			}
		case (c == ':' || c == '-' || c == '?') && (i+1 == len(line) || line[i+1] == ' ' || s.flow > 0 && c == ':'):
			s.valueStart = true
		case s.valueStart && (c == '&' || c == '!' || c == '*'):
			for i+1 < len(line) && line[i+1] != ' ' {
				i++
			}
		default:
			s.valueStart = false
		}
		space = false
	}
}

func (s *yamlScan) check(file string, n, depth int) {
	if depth > MaxNesting && !s.deep {
		s.deep = true
		s.probs = append(s.probs, Problem{File: file, Line: n,
			Msg: fmt.Sprintf("nests more than %d levels deep", MaxNesting)})
	}
}

// yamlSafety walks a parsed file and reports what a pack's YAML may not
// use: tags (!!binary hides bytes from every check), anchors and aliases
// (an alias can be expanded over and over), texts over MaxTextBytes, and
// quoted texts whose escapes (\e, \x1b, \u202e) stand for forbidden
// characters. flagged are the lines already reported for raw forbidden
// characters. ok is false when the file must not be decoded.
func yamlSafety(file string, root ast.Node, flagged map[int]bool) (probs Problems, ok bool) {
	v := &safetyVisitor{file: file, flagged: flagged, ok: true}
	ast.Walk(v, root)
	return v.probs, v.ok
}

type safetyVisitor struct {
	file    string
	flagged map[int]bool
	probs   Problems
	ok      bool
}

func (v *safetyVisitor) Visit(n ast.Node) ast.Visitor {
	bad := func(msg string) { v.probs = append(v.probs, Problem{File: v.file, Line: nodeLine(n), Msg: msg}) }
	switch n := n.(type) {
	case *ast.TagNode:
		bad(fmt.Sprintf("uses the YAML tag %s: tags are not allowed in a pack", SafeText(n.Start.Value)))
		v.ok = false
	case *ast.AnchorNode, *ast.AliasNode:
		bad("uses a YAML anchor or alias (&name or *name): they are not allowed in a pack; write the text out")
		v.ok = false
	case *ast.StringNode:
		if len(n.Value) > MaxTextBytes {
			bad(fmt.Sprintf("a text of %s; keep each text under %s", byteSize(int64(len(n.Value))), byteSize(MaxTextBytes)))
		}
		if n.Token != nil && n.Token.Type == token.DoubleQuoteType && !v.flagged[nodeLine(n)] {
			if msg := valueProblem(n.Value); msg != "" {
				bad(msg)
			}
		}
	}
	return v
}
