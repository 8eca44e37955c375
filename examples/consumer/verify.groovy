// Run by the dlbasis build after this project's `mvn verify` (examples/pom.xml, maven-invoker-plugin),
// not part of the example: the tests really ran, and what they found.
def counts = [:]
new File(basedir, 'target/surefire-reports').eachFileMatch(~/TEST-.*\.xml/) { f ->
    def suite = new groovy.xml.XmlSlurper().parse(f)
    counts[suite.@name.text()] = [tests: suite.@tests.toInteger(), failures: suite.@failures.toInteger(),
                                  errors: suite.@errors.toInteger(), skipped: suite.@skipped.toInteger()]
}
['com.example.activations.MyConformanceTest', 'com.example.activations.MyGoldenTest'].each { name ->
    def c = counts[name]
    assert c != null : "${name} did not run"
    def passed = c.tests - c.failures - c.errors - c.skipped
    println "consumer: ${name}: ${c.tests} tests, ${passed} passed, ${c.skipped} aborted (not implemented, skipped, SHOULD warnings), ${c.failures + c.errors} failed"
    assert passed > 10 : "${name}: only ${passed} tests passed"
    assert c.failures + c.errors == 0
}
return true
