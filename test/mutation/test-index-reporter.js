module.exports = require('./test-index').TestIndexReporter;
