/** The baseline process: read a file and JSON.parse it, nothing else. */
import { readFileSync } from 'node:fs';

JSON.parse(readFileSync(process.argv[2], 'utf8'));
