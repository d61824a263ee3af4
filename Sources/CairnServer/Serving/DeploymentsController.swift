import CairnAPI
import CairnCore
import CairnServing
import Hummingbird

/// Cairn's deployments API: create, list, show, update (weights and settings at run time), roll back, delete.
/// Errors use MLflow's `{"error_code", "message"}` shape.
struct DeploymentsController {
    let deployments: DeploymentService
    let maxBodySize: Int

    func register<Context: RequestContext>(on router: Router<Context>) {
        let group = router.group(RouterPath(Routes.deployments)).add(middleware: MLflowErrorMiddleware())
        group.post { request, _ in
            let body = try await decode(request)
            guard let name = body.name else { throw CairnError.invalid("Missing value for required parameter 'name'") }
            return try respond(try await deployments.create(name: name, spec: DeploymentMapping.spec(body)))
        }
        group.get { _, _ in
            try MLflowJSON.response(DeploymentsResponse(deployments: try await deployments.list().map(DeploymentMapping.body)))
        }
        group.get("{name}") { _, context in try respond(try await deployments.get(name: context.parameters.require("name"))) }
        group.patch("{name}") { request, context in
            let body = try await decode(request)
            let name = try context.parameters.require("name")
            return try respond(try await deployments.update(name: name) { try DeploymentMapping.apply(body, to: $0) })
        }
        group.post("{name}/rollback") { _, context in
            try respond(try await deployments.rollback(name: context.parameters.require("name")))
        }
        group.delete("{name}") { _, context in
            try await deployments.delete(name: context.parameters.require("name"))
            return try MLflowJSON.response([String: String]())
        }
    }

    private func respond(_ state: DeploymentState) throws -> Response {
        try MLflowJSON.response(DeploymentResponse(deployment: DeploymentMapping.body(state)))
    }

    private func decode(_ request: Request) async throws -> DeploymentSpecBody {
        let body = try await request.collectServingBody(limit: maxBodySize)
        do {
            return try ServingJSON.decode(DeploymentSpecBody.self, from: body)
        } catch let error as CairnError {
            throw CairnError.invalid(error.message)
        }
    }
}
