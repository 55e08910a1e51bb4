module.exports = require('./test-index').CoveringFilesSequencer;
