using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using MCPilot.Diagnostics;
using MCPilot.Discord.RateLimiting;
using MCPilot.Discord.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace MCPilot.Discord.Rest;

/// <summary>
/// Sends requests to Discord: through the rate limiter (bucket queue, bucket wait, global
/// limit), handling 429s by scope, retrying 5xx and network errors with Polly (jittered
/// exponential backoff) only where a retry cannot duplicate, counting invalid requests, and
/// refusing to use a token Discord rejected.
/// </summary>
internal sealed class DiscordRestTransport : IDisposable
{
    /// <summary>The name of the <see cref="HttpClient"/> registered with IHttpClientFactory.</summary>
    public const string HttpClientName = "MCPilot.Discord";

    private static readonly ResiliencePropertyKey<DiscordRequest> RequestKey = new("mcpilot.discord.request");
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly string Version = typeof(DiscordRestTransport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";

    private readonly IHttpClientFactory _httpClients;
    private readonly DiscordRestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _baseUrl;
    private readonly string? _authorization;
    private readonly string _userAgent;
    private readonly DiscordRateLimiter _limiter;
    private readonly InvalidRequestCounter _invalid;
    private readonly ResiliencePipeline<DiscordResponse> _pipeline;
    private volatile bool _tokenRejected;
    private int _nextInvalidWarning;

    public DiscordRestTransport(IHttpClientFactory httpClients, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestTransport> logger)
    {
        _httpClients = httpClients;
        var discord = options.Value;
        _options = discord.Rest;
        _time = time;
        _logger = logger;
        var baseUrl = discord.ApiBaseUrl.ToString();
        _baseUrl = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        _authorization = string.IsNullOrWhiteSpace(discord.Token) ? null : "Bot " + discord.Token.Trim();
        _userAgent = $"DiscordBot ({_options.UserAgentUrl}, {Version}) MCPilot";
        _limiter = new DiscordRateLimiter(new GlobalRateLimiter(_options.GlobalRequestsPerSecond, _options.GlobalWindowMargin, time), time);
        _invalid = new InvalidRequestCounter(time);
        _nextInvalidWarning = _options.InvalidRequestWarningThreshold;
        DiscordRestMetrics.Track(_invalid);
        _pipeline = new ResiliencePipelineBuilder<DiscordResponse> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<DiscordResponse>
            {
                MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
                Delay = _options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(_options.MaxRetries > 0 && ShouldRetry(args.Context, args.Outcome)),
                OnRetry = args =>
                {
                    var route = args.Context.Properties.GetValue(RequestKey, null!).Route.ToString();
                    var reason = args.Outcome.Exception is { } e ? e.GetType().Name : ((int)args.Outcome.Result!.Status).ToString(CultureInfo.InvariantCulture);
                    DiscordRestMetrics.Retries.Add(1, new KeyValuePair<string, object?>("route", route));
                    DiscordRestLog.Retrying(_logger, route, args.AttemptNumber + 2, args.RetryDelay.TotalMilliseconds, reason);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Invalid requests in the last 10 minutes.</summary>
    public int InvalidRequestCount => _invalid.Count;

    /// <summary>The rate limiter (for diagnostics and tests).</summary>
    public DiscordRateLimiter RateLimiter => _limiter;

    /// <summary>
    /// Sends <paramref name="request"/> and returns a successful answer, or throws
    /// <see cref="DiscordRestException"/> (or a subclass), <see cref="TimeoutException"/> or
    /// <see cref="HttpRequestException"/> once retries are spent.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="queued">
    /// False for a request made while another request of the same caller holds its bucket's
    /// queue (a reconcile check): it still waits for its bucket and the global limit.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait and the request.</param>
    public async Task<DiscordResponse> SendAsync(DiscordRequest request, bool queued, CancellationToken cancellationToken)
    {
        var route = request.Route;
        if (route.BotAuth && _tokenRejected)
        {
            throw new DiscordAuthenticationException(route.ToString(), null, repeated: true);
        }

        using var activity = MCPilotDiagnostics.ActivitySource.StartActivity("Discord " + route, ActivityKind.Client);
        activity?.SetTag("http.request.method", route.Method.Method);
        activity?.SetTag("url.template", route.Template);
        var bucket = _limiter.GetBucket(route);
        if (queued)
        {
            await bucket.Queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(RequestKey, request);
            var state = new AttemptState(this, request, bucket);
            var response = await _pipeline.ExecuteAsync(
                static (ctx, s) => new ValueTask<DiscordResponse>(s.Owner.AttemptAsync(s, ctx.CancellationToken)),
                context,
                state).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.Status);
            if ((int)response.Status >= 400)
            {
                throw ToException(route, response);
            }

            return response;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            if (queued)
            {
                bucket.Queue.Release();
            }
        }
    }

    public void Dispose() => DiscordRestMetrics.Untrack(_invalid);

    private static bool ShouldRetry(ResilienceContext context, Outcome<DiscordResponse> outcome)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException http when request.Safety == RetrySafety.BeforeSendOnly => NeverLeft(http),
                HttpRequestException or TimeoutException or IOException => request.Safety != RetrySafety.BeforeSendOnly,
                _ => false,
            };
        }

        return (int)outcome.Result!.Status >= 500 && request.Safety != RetrySafety.BeforeSendOnly;
    }

    /// <summary>Whether the failure proves the request never reached Discord.</summary>
    private static bool NeverLeft(HttpRequestException exception) => exception.HttpRequestError is HttpRequestError.ConnectionError
        or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private async Task<DiscordResponse> AttemptAsync(AttemptState state, CancellationToken cancellationToken)
    {
        var request = state.Request;
        var route = request.Route;
        if (state.FirstSent is { } firstSent && request.Reconcile is { } reconcile && await reconcile(firstSent, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            DiscordRestLog.Reconciled(_logger, route.ToString());
            return earlier;
        }

        for (var limited = 0; ; limited++)
        {
            var globalSlot = await _limiter.WaitAsync(state.Bucket, route, cancellationToken).ConfigureAwait(false);
            using var message = BuildMessage(request);
            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var started = _time.GetTimestamp();
            state.FirstSent ??= _time.GetUtcNow();
            HttpResponseMessage response;
            byte[] body;
            try
            {
                response = await _httpClients.CreateClient(HttpClientName).SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
                body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Discord did not answer {route} within {_options.RequestTimeout.TotalSeconds:0.#} s (MCPilot:Discord:Rest:RequestTimeout)."));
            }
            finally
            {
                // The global slot counts from the answer on: Discord counted the request before it.
                globalSlot?.Dispose();
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var elapsed = _time.GetElapsedTime(started);
                var headers = RateLimitHeaders.Parse(response.Headers);
                _limiter.Update(state.Bucket, route, headers, response.IsSuccessStatusCode);
                var tags = new TagList { { "route", route.ToString() }, { "status", status } };
                DiscordRestMetrics.Requests.Add(1, tags);
                DiscordRestMetrics.Duration.Record(elapsed.TotalSeconds, tags);
                DiscordRestLog.Answered(_logger, route.ToString(), status, elapsed.TotalMilliseconds);
                if (status != 429)
                {
                    if (status is 401 or 403)
                    {
                        CountInvalid();
                    }

                    if (status == 401 && route.BotAuth)
                    {
                        _tokenRejected = true;
                        DiscordRestLog.TokenRejected(_logger, route.ToString());
                    }

                    return new DiscordResponse(response.StatusCode, body);
                }

                var error = ReadError(body);
                var scope = error?.Global == true || headers.Global ? RateLimitScope.Global : headers.Scope ?? RateLimitScope.User;
                var retryAfter = error?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : headers.RetryAfter ?? headers.ResetAfter ?? TimeSpan.FromSeconds(1);
                DiscordRestMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("scope", scope.ToString().ToLowerInvariant()));
                if (scope != RateLimitScope.Shared)
                {
                    // Discord: 429s with X-RateLimit-Scope: shared are not counted against you.
                    CountInvalid();
                }

                if (retryAfter > _options.MaxRateLimitWait)
                {
                    throw new DiscordRateLimitedException(route.ToString(), scope, retryAfter, "that is longer than MCPilot:Discord:Rest:MaxRateLimitWait.");
                }

                if (limited >= _options.MaxRateLimitRetries)
                {
                    throw new DiscordRateLimitedException(route.ToString(), scope, retryAfter, $"it was answered 429 {limited + 1} times in a row (MCPilot:Discord:Rest:MaxRateLimitRetries).");
                }

                _limiter.OnRateLimited(state.Bucket, scope, retryAfter);
                if (scope == RateLimitScope.Shared)
                {
                    DiscordRestLog.SharedRateLimited(_logger, route.ToString(), retryAfter.TotalSeconds);
                }
                else
                {
                    DiscordRestLog.RateLimited(_logger, route.ToString(), scope, retryAfter.TotalSeconds);
                }
            }
        }
    }

    private HttpRequestMessage BuildMessage(DiscordRequest request)
    {
        var route = request.Route;
        var message = new HttpRequestMessage(route.Method, new Uri(_baseUrl, request.Query is null ? route.Path : route.Path + "?" + request.Query));
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (route.BotAuth && _authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = Json;
        }

        return message;
    }

    private void CountInvalid()
    {
        var count = _invalid.Increment();
        var threshold = _options.InvalidRequestWarningThreshold;
        var next = Volatile.Read(ref _nextInvalidWarning);
        if (count >= next)
        {
            if (Interlocked.CompareExchange(ref _nextInvalidWarning, ((count / threshold) + 1) * threshold, next) == next)
            {
                DiscordRestLog.InvalidRequests(_logger, count);
            }
        }
        else if (count < threshold && next > threshold)
        {
            Interlocked.CompareExchange(ref _nextInvalidWarning, threshold, next);
        }
    }

    private static DiscordErrorBody? ReadError(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DiscordRestException ToException(DiscordRoute route, DiscordResponse response)
    {
        var error = ReadError(response.Body);
        if (response.Status == HttpStatusCode.Unauthorized && route.BotAuth)
        {
            return new DiscordAuthenticationException(route.ToString(), error?.Message);
        }

        return DiscordRestException.FromResponse(response.Status, error?.Code ?? 0, error?.Message, error?.Errors, route.ToString());
    }

    private sealed class AttemptState(DiscordRestTransport owner, DiscordRequest request, RateLimitBucket bucket)
    {
        public DiscordRestTransport Owner { get; } = owner;

        public DiscordRequest Request { get; } = request;

        public RateLimitBucket Bucket { get; } = bucket;

        /// <summary>When the first attempt went out (null until one did): a reconcile looks no further back.</summary>
        public DateTimeOffset? FirstSent { get; set; }
    }
}
