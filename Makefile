# Gazette: the two commands of the README, and the benchmark. See scripts/gazette.
.PHONY: run test bench fuzz dev

run:
	scripts/gazette run

test:
	scripts/gazette test

bench:
	scripts/gazette bench

fuzz:
	scripts/gazette fuzz

dev:
	scripts/gazette dev
